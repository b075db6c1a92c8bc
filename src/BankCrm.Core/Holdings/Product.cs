namespace BankCrm.Core.Holdings;

/// <summary>A product in the bank's catalog. Wealth products and funds carry a risk level R1–R5.</summary>
public sealed class Product
{
    public int Id { get; set; }

    public string Code { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public ProductCategory Category { get; set; }

    /// <summary>1–5 for R1–R5; null where the product has no risk rating (deposits, loans).</summary>
    public int? RiskLevel { get; set; }

    public string Currency { get; set; } = "CNY";

    public decimal? AnnualRatePercent { get; set; }

    public int? TermMonths { get; set; }
}
