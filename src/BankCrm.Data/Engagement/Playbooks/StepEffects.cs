using BankCrm.Core.Engagement.Outreach;
using BankCrm.Core.Engagement.Playbooks;
using BankCrm.Core.Engagement.Tasks;
using BankCrm.Data.Database;
using BankCrm.Data.Engagement.Outreach;
using BankCrm.Data.Engagement.Tasks;

namespace BankCrm.Data.Engagement.Playbooks;

/// <summary>
/// What a SendMessage or CreateTask step does, through the only two doors: <see cref="OutboxWriter"/> and
/// <see cref="TaskWriter"/>, both keyed <c>enrolment:{id}:step:{index}</c>, inside the caller's transaction.
/// Returns the result in words for the journey history.
/// </summary>
internal static class StepEffects
{
    private const int MaxReasonLength = 1000;

    public static async Task<string> SendAsync(CrmDbContext db, Playbook playbook, PlaybookStep step, Enrolment enrolment, int index, DateTime now, CancellationToken cancellationToken)
    {
        PlaybookVocabulary.TryChannel(step.Channel, out var channel);
        PlaybookVocabulary.TryPurpose(step.Purpose, out var purpose);
        var model = await MessageModels.ForCustomerAsync(db, enrolment.CustomerId, step.ProductName, step.Offer, now, cancellationToken);
        var body = MessageTemplates.Render(step.Template!, model);
        var request = new OutboundRequest(StepKeys.For(enrolment.Id, index), enrolment.CustomerId, channel, purpose, MessageSource.Playbook, enrolment.Id,
            step.Subject!, body, now, CreatedBy(playbook));
        var id = await OutboxWriter.EnqueueAsync(db, request, now, cancellationToken);
        var via = channel is { } c ? PlaybookVocabulary.ChannelLabel(c) : "客户偏好渠道";
        return $"消息已排队 #{id}（{via}）：{step.Subject}";
    }

    public static async Task<string> CreateTaskAsync(
        CrmDbContext db, Playbook playbook, PlaybookDefinition definition, PlaybookStep step, Enrolment enrolment, int index, DateTime now, CancellationToken cancellationToken)
    {
        PlaybookVocabulary.TryUrgency(step.Urgency, out var urgency);
        var evidence = await TriggerEvidence.ForAsync(db, definition.Trigger, enrolment, cancellationToken);
        var reason = string.Join("。", new[] { step.TaskReason, evidence }.Where(p => !string.IsNullOrWhiteSpace(p)));
        if (reason.Length == 0)
        {
            reason = $"经营策略「{playbook.Name}」";
        }

        var sheet = step.Questionnaire is { Count: > 0 } questions
            ? PrescreenSheet.ForQuestions(questions, PrescreenSheet.FromJson(enrolment.PrescreenAnswers))
            : null;
        var task = new NewTask(enrolment.CustomerId, step.TaskTitle!, reason.Length > MaxReasonLength ? reason[..MaxReasonLength] : reason, TaskSource.Playbook,
            StepKeys.For(enrolment.Id, index), urgency == default ? TaskUrgency.Normal : urgency, now.AddDays(step.DueInDays ?? 0), CreatedBy(playbook),
            PrescreenAnswers: sheet?.ToJson());
        var id = await TaskWriter.CreateAsync(db, task, now, cancellationToken);
        var answers = sheet is null ? string.Empty : sheet.Complete ? "（附初筛答案）" : "（附初筛问卷）";
        return $"任务已创建 #{id}：{step.TaskTitle}{answers}";
    }

    private static string CreatedBy(Playbook playbook) => "playbook:" + playbook.Code;
}
