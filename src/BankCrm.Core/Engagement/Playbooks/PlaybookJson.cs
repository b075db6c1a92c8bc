using System.Text.Json;
using System.Text.Json.Serialization;
using BankCrm.Core.Common;
using BankCrm.Core.Segmentation.Tags;

namespace BankCrm.Core.Engagement.Playbooks;

/// <summary>
/// Reads and writes the JSON columns of <see cref="Playbook"/>: camelCase, kinds by name, absent parameters left out.
/// A column that does not parse gives an error on the field it belongs to (trigger, steps, exitRules, conditions).
/// </summary>
public static class PlaybookJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string WriteTrigger(PlaybookTrigger trigger) => JsonSerializer.Serialize(trigger, Options);

    public static string WriteSteps(IReadOnlyList<PlaybookStep> steps) => JsonSerializer.Serialize(steps, Options);

    public static string WriteExitRules(PlaybookExitRules rules) => JsonSerializer.Serialize(rules, Options);

    /// <summary>Empty for "every customer"; the rule JSON otherwise.</summary>
    public static string WriteConditions(CustomerRule? conditions) => conditions is null ? string.Empty : RuleJson.Write(conditions);

    /// <summary>Writes the four JSON columns of a definition onto a playbook.</summary>
    public static void WriteTo(Playbook playbook, PlaybookDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        ArgumentNullException.ThrowIfNull(definition);
        playbook.Name = definition.Name;
        playbook.Description = definition.Description;
        playbook.Trigger = WriteTrigger(definition.Trigger);
        playbook.Conditions = WriteConditions(definition.Conditions);
        playbook.Steps = WriteSteps(definition.Steps);
        playbook.ExitRules = WriteExitRules(definition.ExitRules);
    }

    /// <summary>The stored definition of a playbook, or the errors of the columns that do not parse.</summary>
    public static (PlaybookDefinition? Definition, IReadOnlyList<FieldError> Errors) Read(Playbook playbook)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        return Read(playbook.Name, playbook.Description, playbook.Trigger, playbook.Conditions, playbook.Steps, playbook.ExitRules);
    }

    public static (PlaybookDefinition? Definition, IReadOnlyList<FieldError> Errors) Read(
        string? name, string? description, string? trigger, string? conditions, string? steps, string? exitRules)
    {
        var errors = new List<FieldError>();
        var parsedTrigger = Parse<PlaybookTrigger>(trigger, "trigger", "触发条件", errors);
        var parsedSteps = Parse<List<PlaybookStep>>(steps, "steps", "步骤", errors);
        var parsedExit = string.IsNullOrWhiteSpace(exitRules) ? new PlaybookExitRules() : Parse<PlaybookExitRules>(exitRules, "exitRules", "退出规则", errors);
        CustomerRule? rule = null;
        if (!string.IsNullOrWhiteSpace(conditions))
        {
            var (read, error) = RuleJson.Read(conditions);
            if (error is not null)
            {
                errors.Add(error with { Field = "conditions." + error.Field, Message = "适用客户：" + error.Message });
            }

            rule = read;
        }

        if (errors.Count > 0 || parsedTrigger is null || parsedSteps is null || parsedExit is null)
        {
            return (null, errors);
        }

        return (new PlaybookDefinition(name ?? string.Empty, description ?? string.Empty, parsedTrigger, rule, parsedSteps, parsedExit), errors);
    }

    private static T? Parse<T>(string? json, string field, string label, List<FieldError> errors)
        where T : class
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            errors.Add(new FieldError(field, "required", $"{label}不能为空"));
            return null;
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(json, Options);
            if (value is null)
            {
                errors.Add(new FieldError(field, "required", $"{label}不能为空"));
            }

            return value;
        }
        catch (JsonException ex)
        {
            var at = ex.Path is { Length: > 1 } path ? field + path.TrimStart('$') : field;
            errors.Add(new FieldError(at, "json", $"{label}格式错误（{at}）：{ex.Message.Split(" Path:")[0]}"));
            return null;
        }
    }
}
