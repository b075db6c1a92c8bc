using BankCrm.Core.Customers;

namespace BankCrm.Core.Segmentation.Scoring;

/// <summary>Seed 001 一、1: 贵宾客户, 大众富裕客户 and 基础客户 by assets under management; a threshold reached counts.</summary>
public static class ValueTiering
{
    public static ValueTier Tier(decimal aum, CustomerType type, TierThresholds thresholds)
    {
        var (vip, affluent) = type == CustomerType.Corporate
            ? (thresholds.CorporateVip, thresholds.CorporateMassAffluent)
            : (thresholds.Vip, thresholds.MassAffluent);
        return aum >= vip ? ValueTier.Vip : aum >= affluent ? ValueTier.MassAffluent : ValueTier.Basic;
    }
}
