using BankCrm.Core.Engagement.Playbooks;

namespace BankCrm.Core.Tests.Engagement.Playbooks;

/// <summary>A valid playbook to break one field at a time, and a template check with the Data rule's shape (blank or unknown variable).</summary>
internal static class PlaybookSamples
{
    public static PlaybookDefinition Valid { get; } = new(
        "新客破冰",
        "开户 72 小时内的问候",
        new PlaybookTrigger(TriggerKind.AccountOpened, Hours: 72, FirstAccountOnly: true),
        null,
        [
            new PlaybookStep(StepKind.SendMessage, Purpose: "Service", Subject: "服务指南", Template: "{{ customer_name }}您好"),
            new PlaybookStep(StepKind.BranchOnResponse, WaitHours: 48, OnResponseGoTo: 2, OnNoResponseGoTo: 3),
            new PlaybookStep(StepKind.CreateTask, TaskTitle: "电话问候", Urgency: "Normal", DueInDays: 1),
            new PlaybookStep(StepKind.Wait, WaitHours: 24),
        ],
        new PlaybookExitRules(MaxDays: 7));

    public static string? CheckTemplate(string? template) =>
        string.IsNullOrWhiteSpace(template) ? "模板不能为空" : template.Contains("{{ balance }}", StringComparison.Ordinal) ? "模板只能使用这些变量：customer_name" : null;

    public static PlaybookDefinition WithStep(int index, PlaybookStep step)
    {
        var steps = Valid.Steps.ToList();
        steps[index] = step;
        return Valid with { Steps = steps };
    }
}
