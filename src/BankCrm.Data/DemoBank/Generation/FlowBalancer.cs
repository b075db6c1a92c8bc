using BankCrm.Core.Holdings;

namespace BankCrm.Data.DemoBank.Generation;

/// <summary>
/// Keeps a settlement account's two years of flows in line with its balance. Twenty-four salaries and a handful of
/// purchases would otherwise pile up (or a company's payroll drain it), so the balance trend rebuilt from the
/// flows would not fit the balance: the gap is closed with a few lump transfers, such as savings moved to 余额宝.
/// </summary>
internal static class FlowBalancer
{
    /// <summary>Rows a balance may add; the transaction budget keeps this many free.</summary>
    public const int ReservedRows = 3;

    private static readonly string[] PersonalOut = ["转出至余额宝", "转账至本人他行账户", "微信零钱充值", "房租", "转出至零钱通"];
    private static readonly string[] PersonalIn = ["余额宝转入", "本人他行账户转入", "零钱通转入"];

    public static void Balance(CustomerLedger ledger, Holdings holdings)
    {
        var random = ledger.Random;
        var traits = ledger.Customer.Traits;
        var settlement = holdings.Settlement;
        var balance = settlement.Account.Balance;
        // Over two years the balance grew by up to half or shrank by up to a fifth.
        var desired = Math.Round(balance * (decimal)(-0.2 + random.NextDouble() * (traits.IsCorporate ? 0.6 : 0.7)), 2);
        var gap = desired - ledger.NetFlow(settlement);
        if (Math.Abs(gap) < Math.Max(500, balance * 0.05m))
        {
            return;
        }

        var parts = random.Between(2, ReservedRows + 1);
        var remaining = Math.Abs(gap);
        for (var i = 0; i < parts && remaining > 0; i++)
        {
            var day = ledger.RandomDay() ?? ledger.Calendar.RandomDay(random, ledger.ActiveFrom, ledger.Calendar.FadeStart);

            var amount = i == parts - 1 ? remaining : Math.Min(remaining, Math.Round(Math.Abs(gap) / parts * (decimal)(0.7 + random.NextDouble() * 0.6), 2));
            remaining -= amount;
            var channel = ChannelMixFor(ledger);
            if (gap < 0)
            {
                var payee = traits.IsCorporate ? CompanyGenerator.EmployerName(random, traits.Branch)
                    : holdings.CreditCard is not null && random.Chance(0.3) ? "信用卡还款" : random.Pick(PersonalOut);
                ledger.Add(settlement, day, channel, -amount, TransactionKind.TransferOut, payee);
            }
            else
            {
                var payer = traits.IsCorporate ? $"{CompanyGenerator.EmployerName(random, traits.Branch)}（货款）" : random.Pick(PersonalIn);
                ledger.Add(settlement, day, channel, amount, TransactionKind.TransferIn, payer);
            }
        }
    }

    private static TransactionChannel ChannelMixFor(CustomerLedger ledger) =>
        Catalogs.ChannelMix.Transfer(ledger.Random, ledger.ChannelGroup);
}
