namespace BankCrm.Core.Engagement.Tasks;

/// <summary>The fixed list of results a member of staff logs for a task or a contact, in two clicks.</summary>
public enum TaskOutcome
{
    ContactedInterested = 1,
    ContactedNotInterested = 2,
    NoAnswer = 3,
    Converted = 4,
    Declined = 5,
    FollowUpLater = 6,
    ContactInvalid = 7,
}

/// <summary>
/// How each outcome is stored (the Chinese words, as <see cref="WorkTask.Outcome"/> and <see cref="Interaction.Outcome"/>
/// hold them, readable in exports and in the audit log) and whether it closes the task. 未接通 and 约定再联系 record
/// the attempt and keep the task open: the customer still has to be reached.
/// </summary>
public static class TaskOutcomes
{
    private static readonly Dictionary<TaskOutcome, string> Texts = new()
    {
        [TaskOutcome.ContactedInterested] = "已联系-有意向",
        [TaskOutcome.ContactedNotInterested] = "已联系-无意向",
        [TaskOutcome.NoAnswer] = "未接通",
        [TaskOutcome.Converted] = "已办理",
        [TaskOutcome.Declined] = "客户拒绝",
        [TaskOutcome.FollowUpLater] = "约定再联系",
        [TaskOutcome.ContactInvalid] = "联系方式无效",
    };

    /// <summary>In the order the UI offers them.</summary>
    public static IReadOnlyList<TaskOutcome> All { get; } = [.. Texts.Keys];

    public static string Text(TaskOutcome outcome) => Texts[outcome];

    public static bool ClosesTask(TaskOutcome outcome) => outcome is not (TaskOutcome.NoAnswer or TaskOutcome.FollowUpLater);

    /// <summary>Reads an outcome as the API sends it (the name, "ContactedInterested") or as stored ("已联系-有意向").</summary>
    public static bool TryParse(string? value, out TaskOutcome outcome)
    {
        outcome = default;
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return false;
        }

        foreach (var (key, text) in Texts)
        {
            if (string.Equals(text, trimmed, StringComparison.Ordinal) || string.Equals(key.ToString(), trimmed, StringComparison.OrdinalIgnoreCase))
            {
                outcome = key;
                return true;
            }
        }

        return false;
    }
}
