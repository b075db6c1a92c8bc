using System.Text.Json;
using System.Text.Json.Serialization;

namespace BankCrm.Core.Engagement.Playbooks;

public sealed record PrescreenAnswer(string Question, string? Answer);

/// <summary>
/// The pre-screening questionnaire of a high-intent lead (seed 002 三(四)2, AI 需求初筛): the scripted questions and
/// the customer's answers, from their app or chatbot reply or recorded by an agent, with who answered through what.
/// Stored as JSON on the enrolment and on the task it gives the RM (<c>WorkTask.PrescreenAnswers</c>).
/// </summary>
public sealed record PrescreenSheet(IReadOnlyList<PrescreenAnswer> Items, string? AnsweredVia = null, DateTime? AnsweredAt = null)
{
    public const int MaxAnswerLength = 200;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public bool Complete => Items.Count > 0 && Items.All(i => !string.IsNullOrWhiteSpace(i.Answer));

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    /// <summary>The sheet in <paramref name="json"/>, or null when there is none or it does not parse.</summary>
    public static PrescreenSheet? FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<PrescreenSheet>(json, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The sheet for a task: every question of the step in its order, with the answer recorded for the same question
    /// (blank when the customer has not answered it yet, for the RM to ask).
    /// </summary>
    public static PrescreenSheet ForQuestions(IReadOnlyList<string> questions, PrescreenSheet? recorded)
    {
        ArgumentNullException.ThrowIfNull(questions);
        var answers = recorded?.Items.Where(i => !string.IsNullOrWhiteSpace(i.Answer))
            .GroupBy(i => i.Question.Trim(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last().Answer, StringComparer.Ordinal) ?? [];
        return new PrescreenSheet(
            [.. questions.Select(q => new PrescreenAnswer(q, answers.GetValueOrDefault(q.Trim())))],
            recorded?.AnsweredVia,
            recorded?.AnsweredAt);
    }
}
