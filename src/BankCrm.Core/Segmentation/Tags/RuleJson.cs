using System.Text.Json;
using BankCrm.Core.Common;

namespace BankCrm.Core.Segmentation.Tags;

/// <summary>Reads and writes the stored JSON of a rule (camelCase, operators and combinations by name).</summary>
public static class RuleJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    public static string Write(CustomerRule rule) => JsonSerializer.Serialize(rule, Options);

    /// <summary>The rule, or an error on field "rule" saying where the JSON is wrong.</summary>
    public static (CustomerRule? Rule, FieldError? Error) Read(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return (null, new FieldError("rule", "required", "规则不能为空"));
        }

        try
        {
            var rule = JsonSerializer.Deserialize<CustomerRule>(json, Options);
            return rule is null ? (null, new FieldError("rule", "required", "规则不能为空")) : (rule, null);
        }
        catch (JsonException ex)
        {
            var at = ex.Path is { Length: > 0 } path ? path.TrimStart('$', '.') : "rule";
            return (null, new FieldError(at.Length == 0 ? "rule" : at, "json", $"规则格式错误（{at}）：{ex.Message.Split(" Path:")[0]}"));
        }
    }

    /// <summary>Reads and validates: the rule, or every error found.</summary>
    public static (CustomerRule? Rule, IReadOnlyList<FieldError> Errors) ReadValid(string? json, RuleUse use)
    {
        var (rule, error) = Read(json);
        if (rule is null)
        {
            return (null, [error!]);
        }

        var errors = RuleValidator.Validate(rule, use);
        return errors.Count == 0 ? (rule, errors) : (null, errors);
    }
}
