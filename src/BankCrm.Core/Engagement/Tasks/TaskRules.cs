using BankCrm.Core.Common;

namespace BankCrm.Core.Engagement.Tasks;

/// <summary>The fields of a task a member of staff creates or closes; each error names its field as the API spells it.</summary>
public static class TaskRules
{
    public const int MaxTitleLength = 200;
    public const int MaxReasonLength = 1000;
    public const int MaxNoteLength = 2000;
    public static readonly TimeSpan LongestLead = TimeSpan.FromDays(366);

    /// <summary>A clock a few minutes behind the server's must not turn "due now" into an error.</summary>
    public static readonly TimeSpan ClockSlack = TimeSpan.FromMinutes(5);

    /// <summary>Title, reason, urgency (by name, Normal when empty) and due date of a task created by hand.</summary>
    public static IReadOnlyList<FieldError> ValidateNew(string? title, string? reason, string? urgency, DateTime? dueAt, DateTime now, out TaskUrgency parsedUrgency)
    {
        var errors = new List<FieldError>();
        var cleanTitle = TextNormalizer.Clean(title);
        if (cleanTitle.Length == 0)
        {
            errors.Add(new FieldError("title", "required", "请填写任务标题"));
        }
        else if (cleanTitle.Length > MaxTitleLength)
        {
            errors.Add(new FieldError("title", "too_long", $"任务标题不能超过 {MaxTitleLength} 个字"));
        }

        if (TextNormalizer.Clean(reason).Length > MaxReasonLength)
        {
            errors.Add(new FieldError("reason", "too_long", $"任务原因不能超过 {MaxReasonLength} 个字"));
        }

        parsedUrgency = TaskUrgency.Normal;
        var urgencyName = urgency?.Trim();
        if (!string.IsNullOrEmpty(urgencyName)
            && !(urgencyName.All(char.IsAsciiLetter) && Enum.TryParse(urgencyName, ignoreCase: true, out parsedUrgency) && Enum.IsDefined(parsedUrgency)))
        {
            parsedUrgency = TaskUrgency.Normal;
            errors.Add(new FieldError("urgency", "unknown", "紧急程度只能是 Low（低）、Normal（普通）、High（高）或 Critical（紧急）"));
        }

        if (dueAt is not { } due)
        {
            errors.Add(new FieldError("dueAt", "required", "请选择截止时间"));
        }
        else if (due < now - ClockSlack)
        {
            errors.Add(new FieldError("dueAt", "past", "截止时间不能早于当前时间"));
        }
        else if (due > now + LongestLead)
        {
            errors.Add(new FieldError("dueAt", "too_far", "截止时间不能晚于一年之后"));
        }

        return errors;
    }

    /// <summary>An instant as the API received it: with an offset or Z as given, without one as China time (the bank's clock).</summary>
    public static DateTime ToUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value - ChinaTime.Offset, DateTimeKind.Utc),
    };

    /// <summary>The outcome must be one of <see cref="TaskOutcomes.All"/>; the note is optional.</summary>
    public static IReadOnlyList<FieldError> ValidateOutcome(string? outcome, string? note, out TaskOutcome parsed)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(outcome))
        {
            errors.Add(new FieldError("outcome", "required", "请选择处理结果"));
        }
        else if (!TaskOutcomes.TryParse(outcome, out _))
        {
            errors.Add(new FieldError("outcome", "unknown", "处理结果须从列表中选择：" + string.Join("、", TaskOutcomes.All.Select(TaskOutcomes.Text))));
        }

        if (TextNormalizer.Clean(note).Length > MaxNoteLength)
        {
            errors.Add(new FieldError("note", "too_long", $"备注不能超过 {MaxNoteLength} 个字"));
        }

        TaskOutcomes.TryParse(outcome, out parsed);
        return errors;
    }
}
