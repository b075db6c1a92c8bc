using System.Text.Json;
using BankCrm.Core.Common;
using BankCrm.Data.Segmentation.Segments;

namespace BankCrm.Web.Segmentation;

/// <summary>A rule sent as a JSON object (the same shape that is stored); read and validated by RuleJson.</summary>
public sealed record RuleRequest(JsonElement Rule)
{
    public string RuleText => RuleJsonText(Rule);

    internal static string RuleJsonText(JsonElement rule) => rule.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null ? string.Empty : rule.GetRawText();
}

public sealed record TagRequest(string? Name, string? Description, Core.Segmentation.Tags.TagKind Kind, JsonElement Rule);

public sealed record SegmentRequest(string? Name, string? Description, JsonElement Rule, IReadOnlyList<SegmentShareInput>? SharedWith)
{
    public SegmentInput ToInput() => new(Name ?? string.Empty, Description, RuleRequest.RuleJsonText(Rule), SharedWith);
}

public sealed record CountResponse(int Count);

internal static class FieldErrors
{
    public static Dictionary<string, string[]> ToDictionary(IEnumerable<FieldError> errors) =>
        errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
}
