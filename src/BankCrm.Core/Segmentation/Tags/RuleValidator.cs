using System.Globalization;
using BankCrm.Core.Common;

namespace BankCrm.Core.Segmentation.Tags;

/// <summary>
/// Checks a rule before it is saved or counted. Every error names the condition (<c>groups[0].conditions[1].value</c>)
/// and says in Chinese which rule it broke, e.g. "第 1 组第 2 个条件「年龄」：值必须是数字".
/// </summary>
public static class RuleValidator
{
    public const int MaxGroups = 10;
    public const int MaxConditionsPerGroup = 20;
    public const int MaxValues = 100;
    public const int MaxWindowDays = 3650;
    public const int MaxTextLength = 100;

    public static IReadOnlyList<FieldError> Validate(CustomerRule rule, RuleUse use)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var errors = new List<FieldError>();
        if (rule.Groups.Count == 0)
        {
            errors.Add(new FieldError("groups", "required", "规则至少需要一组条件"));
        }
        else if (rule.Groups.Count > MaxGroups)
        {
            errors.Add(new FieldError("groups", "max", $"规则最多 {MaxGroups} 组条件"));
        }

        for (var g = 0; g < rule.Groups.Count; g++)
        {
            var group = rule.Groups[g];
            if (group.Conditions.Count == 0)
            {
                errors.Add(new FieldError($"groups[{g}].conditions", "required", $"第 {g + 1} 组至少需要一个条件"));
            }
            else if (group.Conditions.Count > MaxConditionsPerGroup)
            {
                errors.Add(new FieldError($"groups[{g}].conditions", "max", $"第 {g + 1} 组最多 {MaxConditionsPerGroup} 个条件"));
            }

            for (var c = 0; c < group.Conditions.Count; c++)
            {
                ValidateCondition(group.Conditions[c], use, $"groups[{g}].conditions[{c}]", $"第 {g + 1} 组第 {c + 1} 个条件", errors);
            }
        }

        return errors;
    }

    private static void ValidateCondition(RuleCondition condition, RuleUse use, string path, string where, List<FieldError> errors)
    {
        var field = RuleFields.Find(condition.Field);
        if (field is null)
        {
            errors.Add(new FieldError($"{path}.field", "unknown", $"{where}：未知字段「{condition.Field}」"));
            return;
        }

        var named = $"{where}「{field.Label}」";
        void Fail(string member, string rule, string message) => errors.Add(new FieldError($"{path}.{member}", rule, $"{named}：{message}"));

        if (field.SegmentOnly && use == RuleUse.Tag)
        {
            Fail("field", "segment-only", "标签规则不能使用评分、标签或需求字段，请在客群中使用");
            return;
        }

        if (!field.Operators.Contains(condition.Operator))
        {
            Fail("operator", "operator", $"不支持运算符 {condition.Operator}，可用：{string.Join("、", field.Operators.Select(o => RuleField.OperatorLabel(o, field.Kind)))}");
            return;
        }

        if (field.NeedsWindow && condition.WindowDays is not (>= 1 and <= MaxWindowDays))
        {
            Fail("windowDays", "window", $"需要时间窗口（1–{MaxWindowDays} 天）");
        }
        else if (!field.NeedsWindow && condition.WindowDays is not null)
        {
            Fail("windowDays", "window", "该字段不使用时间窗口");
        }

        switch (condition.Operator)
        {
            case RuleOperator.In or RuleOperator.NotIn or RuleOperator.All:
                ValidateList(field, condition.Values, Fail);
                break;
            case RuleOperator.Between:
                var from = CheckNumber(field, condition.Value, "value", Fail);
                var to = CheckNumber(field, condition.To, "to", Fail);
                if (from is not null && to is not null && from > to)
                {
                    Fail("to", "range", "区间下限不能大于上限");
                }

                break;
            default:
                ValidateSingle(field, condition.Value, Fail);
                break;
        }
    }

    private static void ValidateList(RuleField field, IReadOnlyList<string>? values, Action<string, string, string> fail)
    {
        if (values is null || values.Count == 0 || values.Any(string.IsNullOrWhiteSpace))
        {
            fail("values", "required", "请至少选择一个值，且不能有空值");
            return;
        }

        if (values.Count > MaxValues)
        {
            fail("values", "max", $"最多 {MaxValues} 个值");
            return;
        }

        foreach (var value in values)
        {
            ValidateSingle(field, value, (member, rule, message) => fail("values", rule, message));
        }
    }

    private static void ValidateSingle(RuleField field, string? value, Action<string, string, string> fail)
    {
        switch (field.Kind)
        {
            case RuleFieldKind.Number:
                CheckNumber(field, value, "value", fail);
                break;
            case RuleFieldKind.Bool:
                if (value is not ("true" or "false"))
                {
                    fail("value", "bool", "值必须是 true 或 false");
                }

                break;
            case RuleFieldKind.Choice or RuleFieldKind.Set when field.Code == RuleFields.Tag:
                if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
                {
                    fail("value", "tag", $"「{value}」不是标签编号");
                }

                break;
            case RuleFieldKind.Choice or RuleFieldKind.Set when field.Choices.Count > 0 && field.Code != RuleFields.MerchantCategory:
                if (!field.Choices.Any(c => c.Code == value))
                {
                    fail("value", "choice", $"「{value}」不是可选值，可选：{string.Join("、", field.Choices.Select(c => c.Label))}");
                }

                break;
            default:
                if (string.IsNullOrWhiteSpace(value))
                {
                    fail("value", "required", "请填写值");
                }
                else if (value.Length > MaxTextLength)
                {
                    fail("value", "length", $"值最长 {MaxTextLength} 个字符");
                }

                break;
        }
    }

    private static decimal? CheckNumber(RuleField field, string? value, string member, Action<string, string, string> fail)
    {
        if (!decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
        {
            fail(member, "number", string.IsNullOrWhiteSpace(value) ? "请填写数字" : $"「{value}」不是数字");
            return null;
        }

        if (field.Integer && number != decimal.Truncate(number))
        {
            fail(member, "integer", "值必须是整数");
            return null;
        }

        if ((field.Min is { } min && number < min) || (field.Max is { } max && number > max))
        {
            fail(member, "range", $"值必须在 {field.Min?.ToString(CultureInfo.InvariantCulture) ?? "-∞"} 到 {field.Max?.ToString(CultureInfo.InvariantCulture) ?? "+∞"} 之间");
            return null;
        }

        return number;
    }
}
