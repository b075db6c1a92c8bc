namespace BankCrm.Core.Segmentation.Tags;

/// <summary>Where a rule is used: tag rules may not read scores or other tags (a tag would depend on the run that refreshes it).</summary>
public enum RuleUse
{
    Tag = 1,
    Segment = 2,
}
