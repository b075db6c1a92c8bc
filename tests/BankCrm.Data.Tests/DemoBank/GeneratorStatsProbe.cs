using BankCrm.Core.Customers;
using BankCrm.Core.Holdings;
using Xunit.Abstractions;

namespace BankCrm.Data.Tests.DemoBank;

public sealed class GeneratorStatsProbe(GeneratedBank bank, ITestOutputHelper output) : IClassFixture<GeneratedBank>
{
    [Fact]
    public void Print()
    {
        var c = bank.Customers;
        output.WriteLine($"customers {c.Count}, corporate {c.Count(x => x.Customer.Type == CustomerType.Corporate)}");
        output.WriteLine($"tx avg {c.Average(x => x.Transactions.Count):F1}, app {c.Average(x => x.AppEvents.Count):F1}, inter {c.Average(x => x.Interactions.Count):F2}, acct {c.Average(x => x.Accounts.Count):F2}, rel {c.Sum(x => x.Relationships.Count)}");
        output.WriteLine($"churners {c.Count(x => x.Traits.FutureChurner)}, aml {string.Join(",", c.Where(x => x.Traits.AmlPattern != null).GroupBy(x => x.Traits.AmlPattern).Select(g => g.Key + "=" + g.Count()))}");
        var aum = c.Select(x => x.Accounts.Where(a => IsAsset(a)).Sum(a => a.Balance)).OrderBy(x => x).ToList();
        output.WriteLine($"aum p10 {aum[aum.Count / 10]:N0} p50 {aum[aum.Count / 2]:N0} p90 {aum[aum.Count * 9 / 10]:N0} p99 {aum[aum.Count * 99 / 100]:N0} max {aum[^1]:N0} >=1M {aum.Count(a => a >= 1_000_000)}");
        foreach (var type in new[] { CustomerType.Individual, CustomerType.Corporate })
        {
            var a = c.Where(x => x.Customer.Type == type).Select(x => x.Accounts.Where(a => IsAsset(a)).Sum(a => a.Balance)).OrderBy(x => x).ToList();
            var t = c.Where(x => x.Customer.Type == type).Select(x => x.Traits.TargetAum).OrderBy(x => x).ToList();
            output.WriteLine($"{type} aum p10 {a[a.Count / 10]:N0} p50 {a[a.Count / 2]:N0} p90 {a[a.Count * 9 / 10]:N0} p99 {a[a.Count * 99 / 100]:N0} >=1M {a.Count(x => x >= 1_000_000)} | target p50 {t[t.Count / 2]:N0} p90 {t[t.Count * 9 / 10]:N0} >=1M {t.Count(x => x >= 1_000_000)}");
        }

        foreach (var g in c.GroupBy(x => x.Customer.BranchId).OrderBy(g => g.Key))
        {
            output.WriteLine($"branch {g.Key}: {g.Count()} rm: {string.Join(", ", g.GroupBy(x => x.Customer.RelationshipManagerId ?? "-").OrderByDescending(x => x.Count()).Take(6).Select(x => x.Key + "=" + x.Count()))}");
        }

        foreach (var x in c.Take(12))
        {
            var cu = x.Customer;
            output.WriteLine($"{cu.Id} {cu.Type} {cu.Name} {cu.IdNumber} {cu.Gender} {cu.BirthDate} {cu.Mobile} {cu.Email} {cu.City}{cu.District}{cu.AddressLine} {cu.Occupation}{cu.Industry} rep={cu.LegalRepresentative} kyc={cu.KycStatus} rm={cu.RelationshipManagerId} tx={x.Transactions.Count}");
            foreach (var a in x.Accounts)
            {
                output.WriteLine($"    acct {a.Id} p{a.ProductId} {a.AccountNumber} {a.OpenedOn} {a.MaturesOn} {a.Balance:N2} {a.Currency} {a.Status}");
            }

            foreach (var r in x.Relationships)
            {
                output.WriteLine($"    rel {r.CustomerId} {r.Kind} of {r.RelatedCustomerId}");
            }
        }

        foreach (var t in c[5].Transactions.Take(30))
        {
            output.WriteLine($"  tx {t.Id} a{t.AccountId} {t.OccurredAt:yyyy-MM-dd HH:mm} {t.Amount,12:N2} {t.Currency} {t.Kind} {t.Channel} {t.Counterparty} {t.MerchantCategory}");
        }

        foreach (var i in c.SelectMany(x => x.Interactions).Take(8))
        {
            output.WriteLine($"  int {i.CustomerId} {i.Channel} {i.OccurredAt:yyyy-MM-dd} {i.Summary} / {i.Outcome} / {i.NextStep}");
        }

        var byMonth = c.SelectMany(x => x.Transactions).GroupBy(t => t.OccurredAt.AddHours(8).ToString("yyyy-MM")).OrderBy(g => g.Key);
        output.WriteLine(string.Join(" ", byMonth.Select(g => $"{g.Key}:{g.Count()}")));
        var kinds = c.SelectMany(x => x.Transactions).GroupBy(t => t.Kind).OrderByDescending(g => g.Count());
        output.WriteLine(string.Join(" ", kinds.Select(g => $"{g.Key}:{g.Count()}")));
    }

    private static bool IsAsset(Account a) => a.ProductId is < 50 or (>= 80 and < 90);
}
