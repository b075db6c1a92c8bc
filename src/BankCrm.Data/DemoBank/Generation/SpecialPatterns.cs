using BankCrm.Core.Holdings;

namespace BankCrm.Data.DemoBank.Generation;

/// <summary>
/// A future churner in the last six months: salary already stopped (see <see cref="Recurring"/>), activity fading
/// (see <see cref="CustomerLedger"/>), most investments redeemed and the money moved to another bank.
/// </summary>
internal static class ChurnPattern
{
    private static readonly string[] OtherBanks = ["招商银行", "工商银行", "建设银行", "平安银行", "浦发银行", "中信银行", "宁波银行"];

    /// <summary>Decides what the churner takes away: most investments, and 60–90% of the settlement balance.</summary>
    public static ChurnPlan Plan(Holdings holdings, DemoRandom random)
    {
        var closing = holdings.Investments.Where(_ => random.Chance(0.7)).ToHashSet();
        var settlement = holdings.Settlement.Account;
        var leaving = Math.Round(settlement.Balance * (decimal)(0.6 + random.NextDouble() * 0.3), 2);
        settlement.Balance -= leaving;
        return new ChurnPlan(closing, leaving);
    }

    public static void Leave(CustomerLedger ledger, Holdings holdings, ChurnPlan plan)
    {
        var closing = plan.Closing;
        var random = ledger.Random;
        var calendar = ledger.Calendar;
        var lastDay = calendar.AsOf.AddDays(-10);
        if (!ledger.IsActiveOn(calendar.FadeStart) || lastDay <= calendar.FadeStart)
        {
            return;
        }

        var settlement = holdings.Settlement;
        var latest = calendar.FadeStart;
        decimal redeemed = 0;
        foreach (var investment in closing)
        {
            var opened = investment.Account.OpenedOn;
            if (opened >= lastDay)
            {
                continue;
            }

            var day = calendar.RandomDay(random, opened > calendar.FadeStart ? opened.AddDays(1) : calendar.FadeStart, lastDay);
            latest = day > latest ? day : latest;
            var amount = investment.Account.Balance;
            var at = HistoryCalendar.At(day, 10 + random.NextDouble() * 8);
            ledger.Add(investment, at, TransactionChannel.MobileApp, -amount, TransactionKind.WealthRedemption, null);
            ledger.Add(settlement, at, TransactionChannel.MobileApp, amount, TransactionKind.WealthRedemption, "理财赎回");
            investment.Account.Balance = 0;
            investment.Account.Status = AccountStatus.Closed;
            redeemed += amount;
        }

        var total = redeemed + plan.Leaving;
        var parts = random.Between(1, 3);
        var bank = random.Pick(OtherBanks);
        var tail = random.Digits(4);
        for (var i = 0; i < parts && total > 0; i++)
        {
            var amount = i == parts - 1 ? total : Math.Round(total * (decimal)(0.3 + random.NextDouble() * 0.4), 2);
            var day = calendar.RandomDay(random, latest, calendar.AsOf);
            ledger.Add(settlement, day, TransactionChannel.MobileApp, -amount, TransactionKind.TransferOut, $"{bank}（尾号{tail}）");
            total -= amount;
        }
    }
}

/// <summary>The investments a churner redeems and the part of the settlement balance that leaves with them.</summary>
internal sealed record ChurnPlan(IReadOnlySet<HeldAccount> Closing, decimal Leaving)
{
    public static readonly ChurnPlan None = new(new HashSet<HeldAccount>(), 0);
}

/// <summary>Money-laundering-like patterns planted for AML rules to find (the truth is in demo_bank_truth).</summary>
internal static class AmlPattern
{
    public static void Plant(CustomerLedger ledger, Holdings holdings, string pattern)
    {
        if (pattern == AmlPatterns.Structuring)
        {
            Structuring(ledger, holdings);
        }
        else
        {
            RapidInOut(ledger, holdings);
        }
    }

    /// <summary>8–20 counter cash deposits of 45,000–49,900 within two months, then moved on in one to three transfers.</summary>
    private static void Structuring(CustomerLedger ledger, Holdings holdings)
    {
        var random = ledger.Random;
        var calendar = ledger.Calendar;
        var start = calendar.AsOf.AddDays(-random.Between(70, 330));
        start = start < ledger.ActiveFrom ? ledger.ActiveFrom : start;
        decimal total = 0;
        var count = random.Between(8, 20);
        for (var i = 0; i < count; i++)
        {
            var amount = 45_000m + random.Between(0, 49) * 100;
            ledger.Add(holdings.Settlement, start.AddDays(random.Next(60)), TransactionChannel.Counter, amount, TransactionKind.Deposit, null);
            total += amount;
        }

        var payee = PersonalFlows.RandomPerson(random);
        var transfers = random.Between(1, 3);
        for (var i = 0; i < transfers; i++)
        {
            var amount = Math.Round(total * (decimal)(0.85 + random.NextDouble() * 0.13) / transfers, 2);
            ledger.Add(holdings.Settlement, start.AddDays(60 + random.Next(7)), TransactionChannel.OnlineBanking, -amount, TransactionKind.TransferOut, payee);
        }
    }

    /// <summary>5–12 times: a large transfer in, passed on almost whole to someone else within hours (快进快出).</summary>
    private static void RapidInOut(CustomerLedger ledger, Holdings holdings)
    {
        var random = ledger.Random;
        var from = ledger.Calendar.AsOf.AddDays(-270);
        from = from < ledger.ActiveFrom ? ledger.ActiveFrom : from;
        var episodes = random.Between(5, 12);
        for (var i = 0; i < episodes; i++)
        {
            var day = ledger.Calendar.RandomDay(random, from, ledger.Calendar.AsOf.AddDays(-1));
            var amount = random.Between(100, 800) * 1_000m;
            var arrives = HistoryCalendar.At(day, 9 + random.NextDouble() * 8);
            ledger.Add(holdings.Settlement, arrives, TransactionChannel.OnlineBanking, amount, TransactionKind.TransferIn, CompanyGenerator.EmployerName(random, ledger.Customer.Traits.Branch));
            var leaves = arrives.AddHours(0.2 + random.NextDouble() * 5.8);
            ledger.Add(holdings.Settlement, leaves, TransactionChannel.MobileApp, -Math.Round(amount * (decimal)(0.97 + random.NextDouble() * 0.03), 2), TransactionKind.TransferOut, PersonalFlows.RandomPerson(random));
        }
    }
}
