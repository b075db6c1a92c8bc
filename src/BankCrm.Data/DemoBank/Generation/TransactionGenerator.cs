using BankCrm.Core.Holdings;
using BankCrm.Data.DemoBank.Catalogs;

namespace BankCrm.Data.DemoBank.Generation;

/// <summary>
/// About <see cref="DemoBankOptions.TransactionsPerCustomer"/> transactions per customer over 24 months: monthly
/// salary and loan instalments, quarterly interest, and a seasonal mix of card purchases, transfers, cash, wealth
/// purchases and redemptions, FX and cross-border remittances. Churners fade out; AML patterns are planted.
/// </summary>
internal static class TransactionGenerator
{
    public static void Generate(GeneratedCustomer generated, Holdings holdings, HistoryCalendar calendar, int perCustomer, DemoRandom random)
    {
        var ledger = new CustomerLedger(generated, calendar, random);
        var traits = generated.Traits;
        var target = (int)Math.Round(perCustomer * traits.Activity * ledger.ActiveShare);
        var churn = traits.FutureChurner ? ChurnPattern.Plan(holdings, random) : ChurnPlan.None;

        Recurring.Salary(ledger, holdings);
        Recurring.LoanInstalments(ledger, holdings);
        Recurring.Payroll(ledger, holdings);
        Recurring.Interest(ledger, holdings);
        var discretionary = Math.Max(target - ledger.Count - FlowBalancer.ReservedRows, target / 5);
        var mix = traits.IsCorporate ? CorporateMix(traits, holdings) : PersonalMix(holdings);
        for (var i = 0; i < discretionary; i++)
        {
            if (ledger.RandomDay() is not { } day)
            {
                continue;
            }

            var kind = mix.Draw(random);
            if (traits.IsCorporate)
            {
                CorporateFlows.Add(ledger, holdings, kind, day, churn.Closing);
            }
            else
            {
                PersonalFlows.Add(ledger, holdings, kind, day, churn.Closing);
            }
        }

        FlowBalancer.Balance(ledger, holdings);
        if (traits.FutureChurner)
        {
            ChurnPattern.Leave(ledger, holdings, churn);
        }

        if (traits.AmlPattern is { } pattern)
        {
            AmlPattern.Plant(ledger, holdings, pattern);
        }

        generated.Transactions.AddRange(ledger.Complete(holdings));
    }

    private static Weighted<TransactionKind> PersonalMix(Holdings holdings) => new(
    [
        (TransactionKind.CardPurchase, 50),
        (TransactionKind.TransferOut, 13),
        (TransactionKind.TransferIn, 10),
        (TransactionKind.Withdrawal, 6),
        (TransactionKind.Deposit, 4),
        (TransactionKind.WealthPurchase, holdings.Investments.Any() ? 4 : 0),
        (TransactionKind.WealthRedemption, holdings.Investments.Any() ? 2 : 0),
        (TransactionKind.Fee, 1),
        (TransactionKind.FxExchange, holdings.Fx is not null ? 2 : 0),
        (TransactionKind.CrossBorderRemittanceOut, holdings.Fx is not null ? 0.5 : 0),
    ]);

    private static Weighted<TransactionKind> CorporateMix(CustomerTraits traits, Holdings holdings) => new(
    [
        (TransactionKind.TransferIn, 30),
        (TransactionKind.TransferOut, 28),
        (TransactionKind.Fee, 3),
        (TransactionKind.Deposit, traits.ImportExport ? 1 : 4),
        (TransactionKind.WealthPurchase, holdings.Investments.Any() ? 4 : 0),
        (TransactionKind.WealthRedemption, holdings.Investments.Any() ? 3 : 0),
        (TransactionKind.CrossBorderRemittanceIn, holdings.Fx is not null ? 12 : 0),
        (TransactionKind.CrossBorderRemittanceOut, holdings.Fx is not null ? 10 : 0),
        (TransactionKind.FxExchange, holdings.Fx is not null ? 8 : 0),
    ]);
}
