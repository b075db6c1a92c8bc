using System.Globalization;
using BankCrm.Core.Customers;
using BankCrm.Core.Holdings;

namespace BankCrm.Core.Segmentation.Scoring;

public sealed record DetectedNeed(string Code, string Evidence);

/// <summary>
/// The needs graph (需求图谱, seed 002 三(一)2, 三(二)1, 三(三)1 and 三(四)): each rule combines signals into one need
/// and says in words why it fired. Codes are stored; never rename one.
/// </summary>
public static class NeedRules
{
    public const string CrossBorder = "cross-border-settlement";
    public const string Renovation = "renovation-instalment";
    public const string EducationSavings = "education-savings";
    public const string FundInvestment = "fund-regular-investment";
    public const string Retirement = "retirement-planning";
    public const string IdleCash = "idle-cash-wealth";
    public const string DepositMaturity = "deposit-maturity";
    public const string LoanRenewal = "loan-renewal";

    public static readonly IReadOnlyList<string> All = [CrossBorder, Renovation, EducationSavings, FundInvestment, Retirement, IdleCash, DepositMaturity, LoanRenewal];

    private static readonly CultureInfo Zh = CultureInfo.GetCultureInfo("zh-CN");

    public static IReadOnlyList<DetectedNeed> Detect(CustomerSignals s, DateOnly runDate, int productPenetration)
    {
        var needs = new List<DetectedNeed>();

        // Seed 002 三(一)2: FX-rate queries in the last 3 months + import/export business → 跨境结算 + 外汇套期保值.
        if (s.FxRateQueries3Months >= 3 && (s.ImportExportBusiness || s.CrossBorderTransactions3Months > 0))
        {
            var business = s.ImportExportBusiness ? "有进出口业务" : $"近 3 个月跨境收付 {s.CrossBorderTransactions3Months} 笔";
            needs.Add(new(CrossBorder, $"近 3 个月查询汇率 {s.FxRateQueries3Months} 次；{business}"));
        }

        // Seed 002 三(二)1: a mortgage repaid for 6 months → 装修分期 (while the home is still new: up to 2 years).
        if (s.MortgageOpenedOn is { } opened && !s.CategoriesHeld.Contains(ProductCategory.ConsumerLoan))
        {
            var months = MonthsBetween(opened, runDate);
            if (months is >= 6 and <= 24)
            {
                needs.Add(new(Renovation, $"房贷已还款 {months} 个月；未持有消费贷"));
            }
        }

        // Seed 002 三(三)1 and 三(四)2: frequent mother-and-baby spending → 教育金定投 / 教育储蓄计划.
        if (s.BabyPurchases6Months >= 3 || s.EducationPurchases6Months >= 3)
        {
            var what = s.BabyPurchases6Months >= 3
                ? $"近 6 个月母婴消费 {s.BabyPurchases6Months} 笔，共 {Money(s.BabySpend6Months)}"
                : $"近 6 个月教育培训消费 {s.EducationPurchases6Months} 笔";
            needs.Add(new(EducationSavings, what));
        }

        // Seed 002 三(四)1: low product penetration + fund pages viewed recently → 基金定投.
        if (productPenetration <= 2 && s.InvestmentViews30Days > 0 && !s.CategoriesHeld.Contains(ProductCategory.Fund))
        {
            needs.Add(new(FundInvestment, $"仅持有 {productPenetration} 类产品；近 30 天浏览基金/理财页面 {s.InvestmentViews30Days} 次"));
        }

        // Seed 002 三(三)1: 银发群体 → 养老理财 when they have savings but no annuity or insurance.
        if (s.Type == CustomerType.Individual && s.AgeYears >= 55 && s.Aum >= 50_000m && !s.CategoriesHeld.Contains(ProductCategory.Insurance))
        {
            needs.Add(new(Retirement, $"{s.AgeYears} 岁；资产 {Money(s.Aum)}；未持有保险或年金"));
        }

        // Seed 001 一、3: idle money on the current account and nothing invested → 理财配置.
        if (s.DemandBalance >= 100_000m && !s.CategoriesHeld.Overlaps([ProductCategory.TimeDeposit, ProductCategory.Wealth, ProductCategory.Fund]))
        {
            needs.Add(new(IdleCash, $"活期余额 {Money(s.DemandBalance)}；未配置定期、理财或基金"));
        }

        // Deposits and wealth products maturing in 30 days: keep the money in the bank.
        var maturing = s.Maturing.Where(m => m.Category is ProductCategory.TimeDeposit or ProductCategory.Wealth && m.MaturesOn <= runDate.AddDays(30)).ToList();
        if (maturing.Count > 0)
        {
            var first = maturing.MinBy(m => m.MaturesOn)!;
            needs.Add(new(DepositMaturity, $"{first.ProductName} {Money(maturing.Sum(m => m.Balance))} 将于 {first.MaturesOn:yyyy-MM-dd} 到期"));
        }

        // Seed 002 三(三)3 一键续贷: a loan maturing within 60 days.
        var loan = s.Maturing.Where(m => m.Category is ProductCategory.CorporateLoan or ProductCategory.ConsumerLoan && m.MaturesOn <= runDate.AddDays(60)).MinBy(m => m.MaturesOn);
        if (loan is not null)
        {
            needs.Add(new(LoanRenewal, $"{loan.ProductName} {Money(loan.Balance)} 将于 {loan.MaturesOn:yyyy-MM-dd} 到期"));
        }

        return needs;
    }

    private static int MonthsBetween(DateOnly from, DateOnly to) =>
        (to.Year - from.Year) * 12 + to.Month - from.Month - (to.Day < from.Day ? 1 : 0);

    private static string Money(decimal amount) =>
        amount >= 10_000m ? "¥" + (amount / 10_000m).ToString("N2", Zh) + "万" : "¥" + amount.ToString("N2", Zh);
}
