using BankCrm.Core.Common;

namespace BankCrm.Core.Segmentation.Tags;

/// <summary>
/// The aggregate rule for money (docs/security.md, 金额聚合): a caller who may not see amounts may not put a bound on an
/// amount field (<see cref="RuleField.IsAmount"/>) in a rule. Otherwise a rule narrowed to one customer by other
/// fields, with its bound moved by binary search, would read that customer's amount from the live count or the
/// member list. Minimum group sizes would not stop it: the difference of two large counts is one customer.
/// A condition the stored rule already has may be kept exactly as it is: its bound was set by someone who could
/// see amounts, and keeping it answers no new question.
/// </summary>
public static class AmountConditions
{
    public const string RuleCode = "amount-field";

    /// <summary>One error per amount condition of <paramref name="rule"/> that <paramref name="stored"/> does not already have.</summary>
    public static IReadOnlyList<FieldError> Refused(CustomerRule rule, CustomerRule? stored)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var kept = stored?.Groups.SelectMany(g => g.Conditions).Where(IsAmount).ToList() ?? [];
        var errors = new List<FieldError>();
        for (var g = 0; g < rule.Groups.Count; g++)
        {
            for (var c = 0; c < rule.Groups[g].Conditions.Count; c++)
            {
                var condition = rule.Groups[g].Conditions[c];
                if (IsAmount(condition) && !kept.Any(k => Same(k, condition)))
                {
                    errors.Add(new FieldError(
                        $"groups[{g}].conditions[{c}].field",
                        RuleCode,
                        $"第 {g + 1} 组第 {c + 1} 个条件「{RuleFields.Find(condition.Field)!.Label}」是金额字段：只有可查看资产明细的角色（持有 holdings.read 并在 15 分钟内完成二次验证）才能在规则中设置金额条件"));
                }
            }
        }

        return errors;
    }

    /// <summary>The amount fields of a rule, e.g. to tell an editor which conditions it must keep as they are.</summary>
    public static bool IsAmount(RuleCondition condition) => RuleFields.Find(condition.Field)?.IsAmount == true;

    private static bool Same(RuleCondition a, RuleCondition b) =>
        a.Field == b.Field && a.Operator == b.Operator && a.WindowDays == b.WindowDays
        && Text(a.Value) == Text(b.Value) && Text(a.To) == Text(b.To)
        && (a.Values ?? []).Select(Text).SequenceEqual((b.Values ?? []).Select(Text));

    private static string Text(string? value) => value?.Trim() ?? string.Empty;
}
