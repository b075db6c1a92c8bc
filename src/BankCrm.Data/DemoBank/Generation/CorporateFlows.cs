using BankCrm.Core.Holdings;
using BankCrm.Data.DemoBank.Catalogs;

namespace BankCrm.Data.DemoBank.Generation;

/// <summary>
/// One discretionary transaction of a company: receipts from clients, supplier payments and taxes, cash takings,
/// wealth, and for import/export companies SWIFT remittances and FX settlement (结汇/售汇).
/// </summary>
internal static class CorporateFlows
{
    private static readonly string[] Fees = ["对公账户管理费", "企业网银年费", "跨行汇款手续费", "回单柜服务费"];

    public static void Add(CustomerLedger ledger, Holdings holdings, TransactionKind kind, DateOnly day, IReadOnlySet<HeldAccount> closing)
    {
        var random = ledger.Random;
        var traits = ledger.Customer.Traits;
        var size = Math.Sqrt(Math.Max(2, traits.Employees) / 14.0);
        var settlement = holdings.Settlement;
        var channel = ChannelMix.Transfer(random, ledger.ChannelGroup);
        switch (kind)
        {
            case TransactionKind.TransferIn:
                ledger.Add(settlement, day, channel, random.Money(80_000 * size, 1.1, 100), kind, CompanyGenerator.EmployerName(random, traits.Branch));
                break;
            case TransactionKind.TransferOut:
                var payee = random.Chance(0.1) ? $"国家金库{traits.Branch.City.Name}中心支库（税款）" : CompanyGenerator.EmployerName(random, traits.Branch);
                ledger.Add(settlement, day, channel, -random.Money(60_000 * size, 1.1, 100), kind, payee);
                break;
            case TransactionKind.Fee:
                ledger.Add(settlement, day, TransactionChannel.OnlineBanking, -random.Money(50, 0.8, 1), kind, random.Pick(Fees));
                break;
            case TransactionKind.Deposit:
                ledger.Add(settlement, day, TransactionChannel.Counter, Math.Max(100, DemoRandom.RoundTo(random.Money(8_000 * size, 0.7), 100)), kind, "现金缴存");
                break;
            case TransactionKind.WealthPurchase or TransactionKind.WealthRedemption:
                PersonalFlows.Investment(ledger, holdings, kind, day, closing);
                break;
            case TransactionKind.CrossBorderRemittanceIn when holdings.Fx is { } fx && fx.Account.OpenedOn <= day:
                ledger.Add(fx, day, TransactionChannel.Swift, random.Money(50_000 * size, 1.0, 500), kind, random.Pick(IndustryCatalog.ForeignPartners));
                break;
            case TransactionKind.CrossBorderRemittanceOut when holdings.Fx is { } fx && fx.Account.OpenedOn <= day:
                ledger.Add(fx, day, TransactionChannel.Swift, -random.Money(40_000 * size, 1.0, 500), kind, random.Pick(IndustryCatalog.ForeignPartners));
                break;
            case TransactionKind.FxExchange when holdings.Fx is { } fx && fx.Account.OpenedOn <= day:
                var foreign = random.Money(30_000 * size, 0.9, 100);
                var cny = Math.Round(foreign * PersonalFlows.FxRate(fx.Account.Currency), 2);
                var at = HistoryCalendar.At(day, ChannelMix.Hour(random, channel));
                var settle = random.Chance(0.7);
                // Exporters sell foreign currency for yuan (结汇); importers buy it (售汇).
                ledger.Add(fx, at, channel, settle ? -foreign : foreign, kind, settle ? "结汇" : "售汇入账");
                ledger.Add(settlement, at, channel, settle ? cny : -cny, kind, settle ? $"结汇入账 {fx.Account.Currency}" : $"售汇 {fx.Account.Currency}");
                break;
        }
    }
}
