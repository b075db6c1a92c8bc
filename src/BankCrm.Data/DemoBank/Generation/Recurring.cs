using BankCrm.Core.Holdings;
using BankCrm.Data.DemoBank.Catalogs;

namespace BankCrm.Data.DemoBank.Generation;

/// <summary>Transactions that come every month or quarter: salary, loan instalments, payroll, interest.</summary>
internal static class Recurring
{
    public static void Salary(CustomerLedger ledger, Holdings holdings)
    {
        var traits = ledger.Customer.Traits;
        if (!traits.Salaried)
        {
            return;
        }

        var random = ledger.Random;
        // A leaving customer's salary is the first thing to move to the other bank.
        var stop = traits.FutureChurner ? ledger.Calendar.FadeStart.AddDays(random.Between(0, 75)) : ledger.Calendar.AsOf;
        foreach (var slot in ledger.Calendar.Slots)
        {
            var day = DayOfMonth(slot, traits.PayDay);
            if (!ledger.IsActiveOn(day) || day >= stop)
            {
                continue;
            }

            var pay = DemoRandom.Round2((double)traits.MonthlySalary * (0.97 + random.NextDouble() * 0.06));
            ledger.Add(holdings.Settlement, HistoryCalendar.At(day, 9 + random.NextDouble() * 2), TransactionChannel.OnlineBanking, pay, TransactionKind.Salary, traits.Employer);
            if (day.Month == 1 && random.Chance(0.4))
            {
                var bonus = DemoRandom.Round2((double)traits.MonthlySalary * (1 + random.NextDouble() * 3));
                ledger.Add(holdings.Settlement, HistoryCalendar.At(day.AddDays(random.Between(1, 10)), 10), TransactionChannel.OnlineBanking, bonus, TransactionKind.Salary, $"{traits.Employer}（年终奖）");
            }
        }
    }

    public static void LoanInstalments(CustomerLedger ledger, Holdings holdings)
    {
        foreach (var loan in holdings.Loans)
        {
            var account = loan.Account;
            var product = ProductCatalog.Get(account.ProductId);
            if (ledger.IsActiveOn(account.OpenedOn) && loan.Category != ProductCategory.Mortgage)
            {
                var principal = DemoRandom.Round2((double)loan.Instalment * (product.TermMonths ?? 12) / 1.05);
                ledger.Add(holdings.Settlement, account.OpenedOn, TransactionChannel.OnlineBanking, principal, TransactionKind.LoanDisbursement, product.Name);
            }

            foreach (var slot in ledger.Calendar.Slots)
            {
                var day = DayOfMonth(slot, account.OpenedOn.Day);
                if (day > account.OpenedOn && day < account.MaturesOn && ledger.IsActiveOn(day))
                {
                    ledger.Add(holdings.Settlement, HistoryCalendar.At(day, 6 + ledger.Random.NextDouble()), TransactionChannel.OnlineBanking, -loan.Instalment, TransactionKind.LoanRepayment, $"{product.Name}还款");
                }
            }
        }
    }

    public static void Payroll(CustomerLedger ledger, Holdings holdings)
    {
        var traits = ledger.Customer.Traits;
        if (!traits.IsCorporate)
        {
            return;
        }

        var random = ledger.Random;
        var monthly = traits.Employees * OccupationCatalog.PayOf("公司职员") * (0.75 + 0.3 * (double)traits.Branch.City.HousePriceFactor);
        var stop = traits.FutureChurner ? ledger.Calendar.FadeStart.AddDays(random.Between(0, 75)) : ledger.Calendar.AsOf;
        foreach (var slot in ledger.Calendar.Slots)
        {
            var day = DayOfMonth(slot, 10);
            if (ledger.IsActiveOn(day) && day < stop)
            {
                var amount = DemoRandom.Round2(monthly * (0.95 + random.NextDouble() * 0.1));
                ledger.Add(holdings.Settlement, HistoryCalendar.At(day, 10 + random.NextDouble()), TransactionChannel.OnlineBanking, -amount, TransactionKind.TransferOut, $"代发工资（{traits.Employees} 人）");
            }
        }
    }

    /// <summary>
    /// Demand deposits earn interest on the 20th of the last month of each quarter, credited on the 21st; balances
    /// under 10,000 are left out to keep the history for transactions that say more. A churner earns on what is left.
    /// </summary>
    public static void Interest(CustomerLedger ledger, Holdings holdings)
    {
        var settlement = holdings.Settlement;
        var rate = ProductCatalog.Get(settlement.Account.ProductId).AnnualRatePercent ?? 0;
        foreach (var slot in ledger.Calendar.Slots)
        {
            var day = DayOfMonth(slot, 21);
            var balance = day < ledger.Calendar.FadeStart ? settlement.BalanceBeforeFade : settlement.Account.Balance;
            if (slot.First.Month % 3 == 0 && ledger.IsActiveOn(day) && balance >= 10_000)
            {
                var interest = Math.Max(0.01m, Math.Round(balance * rate / 100 / 4, 2));
                ledger.Add(settlement, HistoryCalendar.At(day, 2), TransactionChannel.OnlineBanking, interest, TransactionKind.Interest, "结息");
            }
        }
    }

    private static DateOnly DayOfMonth(MonthSlot slot, int day) =>
        new(slot.First.Year, slot.First.Month, Math.Min(day, DateTime.DaysInMonth(slot.First.Year, slot.First.Month)));
}
