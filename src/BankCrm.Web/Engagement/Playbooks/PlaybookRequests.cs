using System.Text.Json;
using BankCrm.Core.Common;
using BankCrm.Core.Engagement.Playbooks;
using BankCrm.Data.Engagement.Playbooks;

namespace BankCrm.Web.Engagement.Playbooks;

/// <summary>
/// A playbook as the API takes it: the same JSON shapes that are stored (trigger, conditions in the segment rule
/// model or null for every customer, steps, exit rules) and, for an update, the version that was edited.
/// </summary>
public sealed record PlaybookRequest(string? Name, string? Description, JsonElement Trigger, JsonElement Conditions, JsonElement Steps, JsonElement ExitRules, int? Version)
{
    public (PlaybookDefinition? Definition, IReadOnlyList<FieldError> Errors) Read() =>
        PlaybookJson.Read(Name, Description ?? string.Empty, Text(Trigger), Text(Conditions), Text(Steps), Text(ExitRules));

    private static string Text(JsonElement element) => element.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null ? string.Empty : element.GetRawText();
}

public sealed record PrescreenRequest(IReadOnlyList<PrescreenAnswer>? Answers, string? Via)
{
    public PrescreenInput ToInput() => new(Answers, Via);
}
