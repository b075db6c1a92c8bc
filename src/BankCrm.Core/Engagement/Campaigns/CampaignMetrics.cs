namespace BankCrm.Core.Engagement.Campaigns;

/// <summary>A share of a group: how many of how many, and the rate (0 when the group is empty).</summary>
public readonly record struct GroupRate(int Count, int Total)
{
    public double Rate => Total == 0 ? 0 : (double)Count / Total;
}

/// <summary>Treatment rate − control rate with its 95% interval; significant when the interval excludes 0.</summary>
public sealed record UpliftEstimate(double Uplift, double Low, double High, double StandardError)
{
    public bool IsSignificant => Low > 0 || High < 0;
}

/// <summary>
/// Uplift of a campaign over its control group (seed 000: 对照组, 效果评估): the difference of two proportions with
/// the normal approximation, SE = √(p₁(1−p₁)/n₁ + p₂(1−p₂)/n₂), interval = uplift ± 1.96·SE.
/// </summary>
public static class UpliftWithConfidence
{
    /// <summary>z of the two-sided 95% normal interval.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>Null when either group is empty: there is nothing to compare.</summary>
    public static UpliftEstimate? Compute(GroupRate treatment, GroupRate control)
    {
        if (treatment.Total == 0 || control.Total == 0)
        {
            return null;
        }

        var p1 = treatment.Rate;
        var p2 = control.Rate;
        var se = Math.Sqrt((p1 * (1 - p1) / treatment.Total) + (p2 * (1 - p2) / control.Total));
        var uplift = p1 - p2;
        return new UpliftEstimate(uplift, uplift - (Z95 * se), uplift + (Z95 * se), se);
    }
}

/// <summary>Conversions the campaign caused: treatment conversions minus what the control rate predicts for the treatment group.</summary>
public static class IncrementalConversions
{
    public static decimal Compute(GroupRate treatment, GroupRate control) =>
        control.Total == 0 ? 0m : treatment.Count - ((decimal)control.Count * treatment.Total / control.Total);
}

/// <summary>
/// Campaign ROI (seed 002 KPI: 营销活动 ROI) = (incremental conversions × value per conversion − message cost) / message cost.
/// Null when nothing was spent: a free campaign has no ratio.
/// </summary>
public static class CampaignRoi
{
    public static decimal MessageCost(int messagesSent, decimal costPerMessage) => messagesSent * costPerMessage;

    public static decimal? Compute(decimal incrementalConversions, decimal valuePerConversion, decimal messageCost) =>
        messageCost <= 0m ? null : ((incrementalConversions * valuePerConversion) - messageCost) / messageCost;
}
