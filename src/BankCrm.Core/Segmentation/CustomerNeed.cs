namespace BankCrm.Core.Segmentation;

/// <summary>
/// A need detected for a customer on a run date by a need rule, with the evidence in words
/// (e.g. "近 3 个月查询汇率 7 次；有进出口业务"), so staff can see why it was suggested.
/// </summary>
public sealed class CustomerNeed
{
    public DateOnly RunDate { get; set; }

    public long CustomerId { get; set; }

    /// <summary>Stable code of the need rule, e.g. "cross-border-settlement".</summary>
    public string NeedCode { get; set; } = string.Empty;

    public string Evidence { get; set; } = string.Empty;
}
