using BankCrm.Core.Audit;
using BankCrm.Core.Common;
using BankCrm.Core.Engagement.Outreach;
using BankCrm.Core.Engagement.Playbooks;
using BankCrm.Core.Engagement.Tasks;
using BankCrm.Core.Organization;
using BankCrm.Data.Audit;
using BankCrm.Data.Customers;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Engagement.Playbooks;

/// <summary>
/// A customer's journeys (the 旅程 tab of the 360 page), in the caller's data scope, and the pre-screening answers
/// recorded for one journey: from the customer's app or chatbot reply, or typed by an agent who asked.
/// </summary>
public sealed class JourneyStore(CrmDbContextFactory factory, TimeProvider time, AuditTrail audit)
{
    public static readonly IReadOnlyList<string> AnswerChannels = ["App", "Chatbot", "Agent"];

    /// <summary>The customer's enrolments, newest first, with their executed steps; null when the customer is not in scope.</summary>
    public async Task<PagedResult<JourneyLine>?> ForCustomerAsync(Actor actor, long customerId, int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        if (!await db.Customers.VisibleTo(actor).AnyAsync(c => c.Id == customerId, cancellationToken))
        {
            return null;
        }

        page = PagedResult<JourneyLine>.ClampPage(page);
        pageSize = PagedResult<JourneyLine>.ClampPageSize(pageSize);
        var enrolments = from e in db.Enrolments
                         join p in db.Playbooks on e.PlaybookId equals p.Id
                         where e.CustomerId == customerId
                         select new { e.Id, e.PlaybookId, p.Name, e.Status, e.EnrolledAt, e.NextStepAt, e.FinishedAt, e.ExitReason, e.PrescreenAnswers };
        var total = await enrolments.CountAsync(cancellationToken);
        var rows = await enrolments.OrderByDescending(e => e.EnrolledAt).ThenByDescending(e => e.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var steps = (await db.EnrolmentSteps.AsNoTracking().Where(s => ids.Contains(s.EnrolmentId)).ToListAsync(cancellationToken))
            .ToLookup(s => s.EnrolmentId);
        return new PagedResult<JourneyLine>(
            [.. rows.Select(r => new JourneyLine(r.Id, r.PlaybookId, r.Name, r.Status, r.EnrolledAt, r.Status == EnrolmentStatus.Active ? r.NextStepAt : null,
                r.FinishedAt, r.ExitReason,
                [.. steps[r.Id].OrderBy(s => s.ExecutedAt).ThenBy(s => s.StepIndex).Select(s => new JourneyStepLine(s.StepIndex, s.Kind, s.ExecutedAt, s.Result))],
                PrescreenSheet.FromJson(r.PrescreenAnswers)))],
            total, page, pageSize);
    }

    /// <summary>
    /// Records pre-screening answers on a journey of a customer in the caller's scope. The answers count as the
    /// customer's reply to the journey's last message (a branch waiting for one goes on), and a task the journey
    /// already gave the RM with the questionnaire gets them too. Errors name the field; nothing is written then.
    /// </summary>
    public async Task<(PrescreenOutcome Outcome, IReadOnlyList<FieldError> Errors)> RecordPrescreenAsync(
        Actor actor, long customerId, long enrolmentId, PrescreenInput input, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        if (!await db.Customers.VisibleTo(actor).AnyAsync(c => c.Id == customerId, cancellationToken))
        {
            return (PrescreenOutcome.CustomerOutOfScope, []);
        }

        var enrolment = await db.Enrolments.SingleOrDefaultAsync(e => e.Id == enrolmentId && e.CustomerId == customerId, cancellationToken);
        var playbook = enrolment is null ? null : await db.Playbooks.AsNoTracking().SingleAsync(p => p.Id == enrolment.PlaybookId, cancellationToken);
        if (enrolment is null || playbook is null)
        {
            return (PrescreenOutcome.NotFound, []);
        }

        var steps = PlaybookJson.Read(playbook).Definition?.Steps ?? [];
        var questions = steps.SelectMany(s => s.Questionnaire ?? []).Distinct(StringComparer.Ordinal).ToList();
        if (questions.Count == 0)
        {
            return (PrescreenOutcome.Invalid, [new FieldError("answers", "questionnaire", "该经营策略没有初筛问卷")]);
        }

        var errors = Validate(input, questions);
        if (errors.Count > 0)
        {
            return (PrescreenOutcome.Invalid, errors);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var previous = PrescreenSheet.FromJson(enrolment.PrescreenAnswers)?.Items ?? [];
        var merged = previous.Where(p => !input.Answers!.Any(a => a.Question.Trim() == p.Question)).Concat(input.Answers!.Select(a => new PrescreenAnswer(a.Question.Trim(), a.Answer?.Trim())));
        var sheet = PrescreenSheet.ForQuestions(questions, new PrescreenSheet([.. merged], input.Via, now));
        await using var append = await audit.BeginAsync(db, cancellationToken);
        enrolment.PrescreenAnswers = sheet.ToJson();
        enrolment.Version++;

        // A branch waiting for the reply looks again at the executor's next run instead of at its next hourly check.
        if (enrolment.Status == EnrolmentStatus.Active && enrolment.NextStep < steps.Count && steps[enrolment.NextStep].Kind == StepKind.BranchOnResponse
            && enrolment.NextStepAt > now)
        {
            enrolment.NextStepAt = now;
        }
        await db.SaveChangesAsync(cancellationToken);
        await JourneyFacts.Messages(db, enrolmentId).Where(m => m.RespondedAt == null)
            .OrderByDescending(m => m.Id).Take(1).ExecuteUpdateAsync(s => s.SetProperty(m => m.RespondedAt, now), cancellationToken);
        var prefix = StepKeys.Prefix(enrolmentId);
        foreach (var task in await db.WorkTasks.Where(t => t.SourceKey!.StartsWith(prefix) && t.PrescreenAnswers != null
            && (t.Status == WorkTaskStatus.Open || t.Status == WorkTaskStatus.InProgress)).ToListAsync(cancellationToken))
        {
            var taskQuestions = PrescreenSheet.FromJson(task.PrescreenAnswers)?.Items.Select(i => i.Question).ToList() ?? questions;
            task.PrescreenAnswers = PrescreenSheet.ForQuestions(taskQuestions, sheet).ToJson();
            task.Version++;
        }

        await db.SaveChangesAsync(cancellationToken);
        await append.AppendAsync(AuditRecord.By(actor, AuditActions.PrescreenRecorded) with
        {
            CustomerId = customerId,
            Detail = $"经营策略「{playbook.Name}」旅程 #{enrolmentId}：记录初筛答案 {input.Answers!.Count} 项（{input.Via}）",
        }, cancellationToken);
        await append.CommitAsync(cancellationToken);
        return (PrescreenOutcome.Recorded, []);
    }

    private static List<FieldError> Validate(PrescreenInput input, IReadOnlyList<string> questions)
    {
        var errors = new List<FieldError>();
        if (input.Via is null || !AnswerChannels.Contains(input.Via))
        {
            errors.Add(new FieldError("via", "choice", "答案来源只能是 App、Chatbot（智能客服）或 Agent（坐席记录）"));
        }

        if (input.Answers is not { Count: > 0 } answers)
        {
            errors.Add(new FieldError("answers", "required", "请至少填写一个问题的答案"));
            return errors;
        }

        for (var i = 0; i < answers.Count; i++)
        {
            if (answers[i]?.Question is not { } question || !questions.Contains(question.Trim()))
            {
                errors.Add(new FieldError($"answers[{i}].question", "choice", $"第 {i + 1} 个答案的问题不在问卷中，可选：{string.Join(" ", questions)}"));
            }
            else if (string.IsNullOrWhiteSpace(answers[i].Answer) || answers[i].Answer!.Length > PrescreenSheet.MaxAnswerLength)
            {
                errors.Add(new FieldError($"answers[{i}].answer", "length", $"第 {i + 1} 个答案必填，最长 {PrescreenSheet.MaxAnswerLength} 个字"));
            }
        }

        return errors;
    }
}
