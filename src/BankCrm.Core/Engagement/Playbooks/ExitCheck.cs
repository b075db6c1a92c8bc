using BankCrm.Core.Holdings;

namespace BankCrm.Core.Engagement.Playbooks;

/// <summary>
/// What happened since the customer was enrolled, as far as the exit rules ask: a reply to one of the journey's
/// messages, a product of the exit category opened, a marketing consent withdrawn.
/// </summary>
public sealed record ExitFacts(DateTime Now, DateTime EnrolledAt, bool Responded, bool ProductOpened, bool ConsentWithdrawn);

/// <summary>Seed 002 三(二): a journey stops when it has done its work or must not go on.</summary>
public static class ExitCheck
{
    /// <summary>The reason the enrolment leaves now, in words for the journey history; null when it goes on.</summary>
    public static string? Reason(PlaybookExitRules rules, ExitFacts facts)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(facts);
        if (rules.ExitOnConsentWithdrawn && facts.ConsentWithdrawn)
        {
            return "客户撤回了营销同意";
        }

        if (rules.ExitOnResponse && facts.Responded)
        {
            return "客户已回复";
        }

        if (rules.ExitOnProductCategory is { } category && facts.ProductOpened)
        {
            return $"客户已开立{CategoryLabel(category)}";
        }

        if (rules.MaxDays is { } days && facts.Now >= facts.EnrolledAt.AddDays(days))
        {
            return $"超过最长 {days} 天";
        }

        return null;
    }

    /// <summary>The product category of the exit rule, when it names one.</summary>
    public static ProductCategory? Category(PlaybookExitRules rules) =>
        rules.ExitOnProductCategory is { } name && PlaybookValidator.IsCategory(name) ? Enum.Parse<ProductCategory>(name) : null;

    private static string CategoryLabel(string category) =>
        Segmentation.Tags.RuleFields.ProductCategoryChoices.FirstOrDefault(c => c.Code == category)?.Label ?? category;
}
