using BankCrm.Core.Customers;
using BankCrm.Core.Holdings;

namespace BankCrm.Core.Segmentation.Scoring;

/// <summary>
/// Everything the scoring rules read about one customer on a run date, gathered by a few set-based queries per
/// batch. Periods: the RFM window, the activity period (current vs the previous comparable period) and the
/// fixed look-backs named in each field.
/// </summary>
public sealed record CustomerSignals
{
    public long CustomerId { get; init; }

    public CustomerType Type { get; init; }

    /// <summary>The day the customer joined (China time).</summary>
    public DateOnly CustomerSince { get; init; }

    public int? AgeYears { get; init; }

    public bool ImportExportBusiness { get; init; }

    public decimal Aum { get; init; }

    public IReadOnlySet<ProductCategory> CategoriesHeld { get; init; } = new HashSet<ProductCategory>();

    /// <summary>CNY on demand-deposit accounts.</summary>
    public decimal DemandBalance { get; init; }

    /// <summary>Opening date of the oldest open mortgage.</summary>
    public DateOnly? MortgageOpenedOn { get; init; }

    /// <summary>Time deposits, wealth products and loans maturing soon: what, how much, when.</summary>
    public IReadOnlyList<MaturingHolding> Maturing { get; init; } = [];

    public DateTime? LastTransactionAt { get; init; }

    /// <summary>Customer-initiated transactions in the RFM window.</summary>
    public int Frequency { get; init; }

    public decimal Monetary { get; init; }

    public int TransactionsCurrent { get; init; }

    public int TransactionsPrevious { get; init; }

    /// <summary>Net money into asset accounts over the growth look-back (6 months), to estimate AUM growth.</summary>
    public decimal NetAssetFlow { get; init; }

    public int CrossBorderTransactions3Months { get; init; }

    public int BabyPurchases6Months { get; init; }

    public decimal BabySpend6Months { get; init; }

    public int EducationPurchases6Months { get; init; }

    public int HomePurchases6Months { get; init; }

    public int LoginsCurrent { get; init; }

    public int LoginsPrevious { get; init; }

    public int FxRateQueries3Months { get; init; }

    /// <summary>Views of fund and wealth product pages in the app in the last 30 days.</summary>
    public int InvestmentViews30Days { get; init; }

    /// <summary>Complaints and dissatisfaction noted by staff in the last 12 months.</summary>
    public int Complaints12Months { get; init; }

    /// <summary>Latest Net Promoter answer 0–10, when the customer gave one.</summary>
    public int? Nps { get; init; }

    public int ActivityCurrent => TransactionsCurrent + LoginsCurrent;

    public int ActivityPrevious => TransactionsPrevious + LoginsPrevious;

    /// <summary>AUM at the start of the growth look-back, rebuilt from today's AUM and the net flow since.</summary>
    public decimal AumBefore => Aum - NetAssetFlow;
}

public sealed record MaturingHolding(ProductCategory Category, string ProductName, decimal Balance, DateOnly MaturesOn);
