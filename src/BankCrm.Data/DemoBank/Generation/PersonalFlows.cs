using BankCrm.Core.Customers;
using BankCrm.Core.Holdings;
using BankCrm.Data.DemoBank.Catalogs;

namespace BankCrm.Data.DemoBank.Generation;

/// <summary>One discretionary transaction of an individual: purchases, transfers, cash, wealth, fees, FX.</summary>
internal static class PersonalFlows
{
    private static readonly string[] Fees = ["短信通知服务费", "信用卡年费", "跨行转账手续费", "账户管理费"];
    private static readonly string[] Universities = ["University of Sydney", "University of Toronto", "King's College London", "University of Melbourne", "National University of Singapore"];
    private static readonly decimal[] RedPackets = [200, 500, 600, 800, 1_000, 2_000];

    public static void Add(CustomerLedger ledger, Holdings holdings, TransactionKind kind, DateOnly day, IReadOnlySet<HeldAccount> closing)
    {
        var random = ledger.Random;
        var traits = ledger.Customer.Traits;
        var group = ledger.ChannelGroup;
        var spend = Math.Clamp(Math.Pow((double)traits.TargetAum / 25_000, 0.15), 0.6, 2.5);
        var settlement = holdings.Settlement;
        switch (kind)
        {
            case TransactionKind.CardPurchase:
                Purchase(ledger, holdings, day, spend);
                break;
            case TransactionKind.TransferOut:
                var festival = day.Month == HistoryCalendar.SpringFestival(day.Year).Month;
                var amount = festival && random.Chance(0.4) ? random.Pick(RedPackets) : random.Money(1_500 * spend, 1.0, 10);
                var card = holdings.CreditCard;
                var payee = card is not null && random.Chance(0.15) ? "信用卡还款" : RandomPerson(random);
                ledger.Add(settlement, day, ChannelMix.Transfer(random, group), -amount, TransactionKind.TransferOut, payee);
                break;
            case TransactionKind.TransferIn:
                var channel = ChannelMix.Transfer(random, group);
                var payer = channel == TransactionChannel.ThirdPartyPay ? random.Pick(new[] { "微信零钱提现", "支付宝提现" }) : RandomPerson(random);
                ledger.Add(settlement, day, channel, random.Money(1_500 * spend, 1.0, 10), TransactionKind.TransferIn, payer);
                break;
            case TransactionKind.Withdrawal:
                ledger.Add(settlement, day, ChannelMix.CashDesk(random, group), -Hundreds(random.Money(1_000, 0.8, 100)), TransactionKind.Withdrawal, null);
                break;
            case TransactionKind.Deposit:
                ledger.Add(settlement, day, ChannelMix.CashDesk(random, group), Hundreds(random.Money(1_500, 0.9, 100)), TransactionKind.Deposit, null);
                break;
            case TransactionKind.WealthPurchase or TransactionKind.WealthRedemption:
                Investment(ledger, holdings, kind, day, closing);
                break;
            case TransactionKind.Fee:
                ledger.Add(settlement, day, TransactionChannel.OnlineBanking, -random.Pick(new[] { 2m, 10m, 20m, 5m }), TransactionKind.Fee, random.Pick(Fees));
                break;
            case TransactionKind.FxExchange when holdings.Fx is { } fx && fx.Account.OpenedOn <= day:
                var cny = random.Money(20_000, 0.8, 1_000);
                var foreign = Math.Round(cny / FxRate(fx.Account.Currency), 2);
                var fxChannel = ChannelMix.Transfer(random, group);
                var at = HistoryCalendar.At(day, ChannelMix.Hour(random, fxChannel));
                ledger.Add(settlement, at, fxChannel, -cny, TransactionKind.FxExchange, $"购汇 {fx.Account.Currency}");
                ledger.Add(fx, at, fxChannel, foreign, TransactionKind.FxExchange, "购汇入账");
                break;
            case TransactionKind.CrossBorderRemittanceOut when holdings.Fx is { } fx && fx.Account.OpenedOn <= day:
                ledger.Add(fx, day, TransactionChannel.Swift, -random.Money(8_000, 0.7, 500), TransactionKind.CrossBorderRemittanceOut, random.Pick(Universities));
                break;
        }
    }

    public static decimal FxRate(string currency) => currency switch { "USD" => 7.10m, "EUR" => 7.80m, "HKD" => 0.91m, _ => 1m };

    public static string RandomPerson(DemoRandom random)
    {
        var gender = random.Chance(0.5) ? Gender.Male : Gender.Female;
        return NameGenerator.Person(random, gender, random.Between(1950, 2004)).FullName;
    }

    /// <summary>Buys into or redeems from an investment: two legs, so the customer's total assets do not move.</summary>
    public static void Investment(CustomerLedger ledger, Holdings holdings, TransactionKind kind, DateOnly day, IReadOnlySet<HeldAccount> closing)
    {
        var random = ledger.Random;
        var candidates = holdings.Investments.Where(a => !closing.Contains(a) && a.Account.OpenedOn <= day).ToList();
        if (candidates.Count == 0)
        {
            return;
        }

        var investment = random.Pick(candidates);
        var product = ProductCatalog.Get(investment.Account.ProductId);
        var amount = Math.Max(1_000m, DemoRandom.RoundTo(investment.Account.Balance * (decimal)(0.05 + random.NextDouble() * 0.25), 100));
        var sign = kind == TransactionKind.WealthPurchase ? 1 : -1;
        var channel = ChannelMix.Transfer(random, ledger.ChannelGroup);
        var at = HistoryCalendar.At(day, ChannelMix.Hour(random, channel));
        ledger.Add(holdings.Settlement, at, channel, -sign * amount, kind, product.Name);
        ledger.Add(investment, at, channel, sign * amount, kind, null);
    }

    private static void Purchase(CustomerLedger ledger, Holdings holdings, DateOnly day, double spend)
    {
        var random = ledger.Random;
        var traits = ledger.Customer.Traits;
        var festival = day.Month == HistoryCalendar.SpringFestival(day.Year).Month;
        var category = MerchantCatalog.For(traits.HasYoungChildren, traits.HasSchoolChildren, traits.Age >= 60, day.Month, festival).Draw(random);
        var account = holdings.CreditCard is { } card && card.Account.OpenedOn <= day && random.Chance(0.6) ? card : holdings.Settlement;
        var channel = ChannelMix.Purchase(random, ledger.ChannelGroup);
        var at = HistoryCalendar.At(day, ChannelMix.Hour(random, channel));
        if (category == MerchantCatalog.Online && day.Month == 11 && random.Chance(0.4))
        {
            // Double 11: orders placed in the first minutes of 11 November.
            var singlesDay = new DateOnly(day.Year, 11, 11);
            if (ledger.IsActiveOn(singlesDay) && account.Account.OpenedOn <= singlesDay)
            {
                at = HistoryCalendar.At(singlesDay, random.NextDouble() * 1.5);
            }
        }

        var amount = random.Money(category.MedianAmount * spend, category.Sigma, 1);
        ledger.Add(account, at, channel, -amount, TransactionKind.CardPurchase, random.Pick(category.Merchants), category.Name);
    }

    private static decimal Hundreds(decimal amount) => Math.Max(100, DemoRandom.RoundTo(amount, 100));
}
