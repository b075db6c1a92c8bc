using BankCrm.Core.Customers;
using BankCrm.Core.Holdings;
using BankCrm.Core.Segmentation.Scoring;

namespace BankCrm.Core.Tests.Segmentation.Scoring;

public sealed class NeedRulesTests
{
    private static readonly DateOnly Run = Signals.RunDate;

    private static IReadOnlyList<DetectedNeed> Detect(CustomerSignals signals) =>
        NeedRules.Detect(signals, Run, signals.CategoriesHeld.Count);

    [Fact]
    public void Detect_WhenFxQueriesAndImportExport_FindsCrossBorderWithEvidence()
    {
        var company = Signals.Individual() with { Type = CustomerType.Corporate, ImportExportBusiness = true, FxRateQueries3Months = 7 };

        var need = Assert.Single(Detect(company), n => n.Code == NeedRules.CrossBorder);

        Assert.Equal("近 3 个月查询汇率 7 次；有进出口业务", need.Evidence);
    }

    [Fact]
    public void Detect_WhenFxQueriesWithoutForeignBusiness_FindsNoCrossBorder()
    {
        Assert.DoesNotContain(Detect(Signals.Individual() with { FxRateQueries3Months = 9 }), n => n.Code == NeedRules.CrossBorder);
    }

    [Theory]
    [InlineData(5, false)]
    [InlineData(6, true)]
    [InlineData(24, true)]
    [InlineData(25, false)]
    public void Detect_WhenMortgageRepaidForMonths_FindsRenovationFromSixMonths(int months, bool expected)
    {
        var signals = Signals.Individual() with
        {
            MortgageOpenedOn = Run.AddMonths(-months),
            CategoriesHeld = new HashSet<ProductCategory> { ProductCategory.DemandDeposit, ProductCategory.Mortgage },
        };

        Assert.Equal(expected, Detect(signals).Any(n => n.Code == NeedRules.Renovation));
    }

    [Fact]
    public void Detect_WhenFrequentBabySpending_FindsEducationSavings()
    {
        var need = Assert.Single(Detect(Signals.Individual() with { BabyPurchases6Months = 5, BabySpend6Months = 2_300m }), n => n.Code == NeedRules.EducationSavings);

        Assert.Equal("近 6 个月母婴消费 5 笔，共 ¥2,300.00", need.Evidence);
    }

    [Fact]
    public void Detect_WhenFewProductsAndFundPagesViewed_FindsFundInvestment()
    {
        var signals = Signals.Individual() with { InvestmentViews30Days = 2, CategoriesHeld = new HashSet<ProductCategory> { ProductCategory.DemandDeposit } };

        Assert.Contains(Detect(signals), n => n.Code == NeedRules.FundInvestment);
    }

    [Fact]
    public void Detect_WhenSeniorWithSavingsAndNoInsurance_FindsRetirement()
    {
        Assert.Contains(Detect(Signals.Individual() with { AgeYears = 60, Aum = 200_000m }), n => n.Code == NeedRules.Retirement);
        Assert.DoesNotContain(Detect(Signals.Individual() with { AgeYears = 54, Aum = 200_000m }), n => n.Code == NeedRules.Retirement);
    }

    [Fact]
    public void Detect_WhenLargeDemandBalanceAndNothingInvested_FindsIdleCash()
    {
        var signals = Signals.Individual() with { DemandBalance = 352_000m, CategoriesHeld = new HashSet<ProductCategory> { ProductCategory.DemandDeposit } };

        var need = Assert.Single(Detect(signals), n => n.Code == NeedRules.IdleCash);

        Assert.Equal("活期余额 ¥35.20万；未配置定期、理财或基金", need.Evidence);
    }

    [Fact]
    public void Detect_WhenDepositMaturesWithinThirtyDays_FindsDepositMaturity()
    {
        var signals = Signals.Individual() with { Maturing = [new MaturingHolding(ProductCategory.TimeDeposit, "一年期整存整取", 200_000m, Run.AddDays(16))] };

        var need = Assert.Single(Detect(signals), n => n.Code == NeedRules.DepositMaturity);

        Assert.Equal("一年期整存整取 ¥20.00万 将于 2026-12-10 到期", need.Evidence);
    }

    [Fact]
    public void Detect_WhenLoanMaturesWithinSixtyDays_FindsLoanRenewal()
    {
        var signals = Signals.Individual() with { Maturing = [new MaturingHolding(ProductCategory.CorporateLoan, "流动资金贷款", 1_000_000m, Run.AddDays(45))] };

        Assert.Contains(Detect(signals), n => n.Code == NeedRules.LoanRenewal);
    }

    [Fact]
    public void Detect_WhenNoSignal_FindsNothing()
    {
        Assert.Empty(Detect(Signals.Individual()));
    }
}
