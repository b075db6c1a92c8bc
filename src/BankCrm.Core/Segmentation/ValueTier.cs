namespace BankCrm.Core.Segmentation;

/// <summary>Value tier from assets under management; thresholds are configuration.</summary>
public enum ValueTier
{
    Basic = 1,
    MassAffluent = 2,
    Vip = 3,
}
