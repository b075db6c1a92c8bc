using BankCrm.Core.Audit;
using BankCrm.Core.Common;
using BankCrm.Core.Customers;
using BankCrm.Core.Organization;
using BankCrm.Core.Privacy;
using BankCrm.Data.Audit;
using BankCrm.Data.Customers;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Privacy;

/// <summary>Logs, lists and moves data-subject requests; every request is seen through its customer's scope.</summary>
public sealed class PrivacyRequestStore(CrmDbContext db, TimeProvider time, AuditTrail audit, PrivacyOptions options)
{
    public async Task<PrivacyResult<RequestDetail>> CreateAsync(Actor actor, NewRequest input, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(input.Kind))
        {
            return new PrivacyProblem(PrivacyFailure.Invalid, "请选择请求类型", "kind");
        }

        if (!Enum.IsDefined(input.Channel))
        {
            return new PrivacyProblem(PrivacyFailure.Invalid, "请选择受理渠道", "channel");
        }

        if (input.RequesterNote is { Length: > DataSubjectRequest.MaxNoteLength })
        {
            return new PrivacyProblem(PrivacyFailure.Invalid, $"请求说明不能超过 {DataSubjectRequest.MaxNoteLength} 个字", "requesterNote");
        }

        if (!await db.Customers.VisibleTo(actor).AnyAsync(c => c.Id == input.CustomerId, cancellationToken))
        {
            return PrivacyProblem.NotFound(input.CustomerId);
        }

        var request = DataSubjectRequest.Receive(input.CustomerId, input.Kind, input.Channel, input.RequesterNote, time.GetUtcNow().UtcDateTime, options.ResponseDays, actor);
        db.PrivacyRequests.Add(request);
        await using (var append = await audit.BeginAsync(db, cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
            await append.AppendAsync(Entry(actor, AuditActions.PrivacyRequestReceived, request, new { kind = request.Kind.ToString(), channel = request.Channel.ToString(), dueOn = request.DueOn }), cancellationToken);
            await append.CommitAsync(cancellationToken);
        }

        return PrivacyResult<RequestDetail>.Ok((await GetAsync(actor, request.Id, cancellationToken)).Value!);
    }

    public async Task<PagedResult<RequestListItem>> ListAsync(Actor actor, RequestFilter filter, CancellationToken cancellationToken = default)
    {
        var query = from r in db.PrivacyRequests.AsNoTracking()
                    join c in db.Customers.AsNoTracking().VisibleTo(actor) on r.CustomerId equals c.Id
                    select new { Request = r, c.CustomerNumber, c.Name };
        if (filter.Status is { } status)
        {
            query = query.Where(x => x.Request.Status == status);
        }

        if (filter.OpenOnly)
        {
            query = query.Where(x => x.Request.Status == RequestStatus.Received || x.Request.Status == RequestStatus.InProgress);
        }

        if (filter.Kind is { } kind)
        {
            query = query.Where(x => x.Request.Kind == kind);
        }

        if (filter.CustomerId is { } customerId)
        {
            query = query.Where(x => x.Request.CustomerId == customerId);
        }

        var page = PagedResult<RequestListItem>.ClampPage(filter.Page);
        var size = PagedResult<RequestListItem>.ClampPageSize(filter.PageSize);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderBy(x => x.Request.DueOn).ThenBy(x => x.Request.Id).Skip((page - 1) * size).Take(size).ToListAsync(cancellationToken);
        var today = ChinaTime.Today(time);
        var items = rows.Select(x => new RequestListItem(
            x.Request.Id, x.Request.CustomerId, x.CustomerNumber, Masking.Name(x.Name), x.Request.Kind, x.Request.Channel, x.Request.Status, x.Request.ReceivedAt,
            x.Request.DueOn, ResponseDeadline.DaysLeft(x.Request.DueOn, today), ResponseDeadline.StateOf(x.Request.Status, x.Request.DueOn, today), x.Request.HandledByName)).ToList();
        return new PagedResult<RequestListItem>(items, total, page, size);
    }

    public async Task<DeadlineCounts> DeadlinesAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var today = ChinaTime.Today(time);
        var soon = today.AddDays(ResponseDeadline.DueSoonDays);
        var open = from r in db.PrivacyRequests.AsNoTracking()
                   join c in db.Customers.AsNoTracking().VisibleTo(actor) on r.CustomerId equals c.Id
                   where r.Status == RequestStatus.Received || r.Status == RequestStatus.InProgress
                   select r.DueOn;
        var dues = await open.ToListAsync(cancellationToken);
        return new DeadlineCounts(dues.Count, dues.Count(d => d >= today && d <= soon), dues.Count(d => d < today));
    }

    public async Task<PrivacyResult<RequestDetail>> GetAsync(Actor actor, long id, CancellationToken cancellationToken = default)
    {
        var found = await FindAsync(actor, id, tracked: false, cancellationToken);
        if (found.Problem is { } problem)
        {
            return problem;
        }

        var (request, customer) = found.Value!;
        var corrections = await db.PrivacyCorrections.AsNoTracking().Where(c => c.RequestId == id).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var today = ChinaTime.Today(time);
        var loggedBy = await db.Users.AsNoTracking().Where(u => u.Id == request.LoggedBy).Select(u => u.UserName).FirstOrDefaultAsync(cancellationToken) ?? request.LoggedBy;
        return PrivacyResult<RequestDetail>.Ok(new RequestDetail(
            request.Id, request.CustomerId, customer.CustomerNumber, Masking.Name(customer.Name), request.Kind, request.Channel, request.Status, request.ReceivedAt,
            request.DueOn, ResponseDeadline.DaysLeft(request.DueOn, today), ResponseDeadline.StateOf(request.Status, request.DueOn, today), request.RequesterNote,
            loggedBy, request.HandledBy, request.HandledByName, request.CompletedAt, request.RejectionReason, request.JsonExportedAt, request.HtmlExportedAt,
            request.Outcome, request.Version,
            [.. request.History.OrderBy(h => h.ChangedAt).ThenBy(h => h.Id).Select(h => new RequestHistoryLine(h.FromStatus, h.ToStatus, h.ChangedAt, h.ChangedByName, h.Note))],
            [.. corrections.Select(CorrectionWorkflow.Line)]));
    }

    /// <summary>
    /// Takes (in progress), completes or rejects a request. Corrections and erasures are completed by applying the
    /// correction or executing the erasure, so that "completed" always means the customer's data was dealt with.
    /// </summary>
    public async Task<PrivacyResult<RequestDetail>> TransitionAsync(Actor actor, long id, RequestStatus to, string? note, CancellationToken cancellationToken = default)
    {
        var found = await FindAsync(actor, id, tracked: true, cancellationToken);
        if (found.Problem is { } problem)
        {
            return problem;
        }

        var request = found.Value!.Request;
        if (to == RequestStatus.Completed && request.Kind is RequestKind.Correction or RequestKind.Erasure)
        {
            return new PrivacyProblem(PrivacyFailure.Invalid, request.Kind == RequestKind.Correction ? "更正请求在合规核准更正后自动办结" : "删除请求在执行删除后自动办结", "status");
        }

        if (note is { Length: > DataSubjectRequest.MaxNoteLength })
        {
            return new PrivacyProblem(PrivacyFailure.Invalid, $"说明不能超过 {DataSubjectRequest.MaxNoteLength} 个字", "note");
        }

        if (request.CannotMoveTo(to, note) is { } rule)
        {
            return new PrivacyProblem(PrivacyFailure.Invalid, rule, "status");
        }

        var from = request.Status;
        request.MoveTo(to, note, actor, time.GetUtcNow().UtcDateTime);
        await SaveWithAuditAsync(actor, AuditActions.PrivacyRequestStatusChanged, request, new { from = from.ToString(), to = to.ToString() }, cancellationToken);
        return await GetAsync(actor, id, cancellationToken);
    }

    /// <summary>
    /// Checks that the copy may be handed out (an access request, taken by this member of staff, this format not yet
    /// downloaded), marks it downloaded and audits it with the request id, before a byte is written. Returns the customer id.
    /// </summary>
    public async Task<PrivacyResult<long>> StartExportAsync(Actor actor, long id, bool html, CancellationToken cancellationToken = default)
    {
        var found = await FindAsync(actor, id, tracked: true, cancellationToken);
        if (found.Problem is { } problem)
        {
            return problem;
        }

        var request = found.Value!.Request;
        if (request.Kind != RequestKind.Access)
        {
            return new PrivacyProblem(PrivacyFailure.Invalid, "只有查阅复制请求可以生成个人信息副本", "kind");
        }

        if (request.Status != RequestStatus.InProgress)
        {
            return new PrivacyProblem(PrivacyFailure.Invalid, request.Status == RequestStatus.Received ? "请先受理请求，再生成副本" : $"请求{DataSubjectRequest.Label(request.Status)}，不能再生成副本", "status");
        }

        if (!string.Equals(request.HandledBy, actor.UserId, StringComparison.Ordinal))
        {
            return new PrivacyProblem(PrivacyFailure.Forbidden, $"只有受理人（{request.HandledByName}）可以下载该副本");
        }

        if (!request.TryMarkExported(html, time.GetUtcNow().UtcDateTime))
        {
            return new PrivacyProblem(PrivacyFailure.Conflict, $"该请求的 {(html ? "HTML" : "JSON")} 副本已下载过一次；如需再次提供，请重新登记请求", "format");
        }

        await SaveWithAuditAsync(actor, AuditActions.PrivacyExportGenerated, request, new { format = html ? "html" : "json" }, cancellationToken);
        return PrivacyResult<long>.Ok(request.CustomerId);
    }

    /// <summary>The request with its customer, or not found when either is missing or the customer is outside the actor's scope.</summary>
    internal async Task<PrivacyResult<(DataSubjectRequest Request, Customer Customer)>> FindAsync(Actor actor, long id, bool tracked, CancellationToken cancellationToken)
    {
        var requests = tracked ? db.PrivacyRequests : db.PrivacyRequests.AsNoTracking();
        var request = await requests.Include(r => r.History).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null)
        {
            return PrivacyProblem.NotFound();
        }

        var customers = tracked ? db.Customers : db.Customers.AsNoTracking();
        var customer = await customers.VisibleTo(actor).FirstOrDefaultAsync(c => c.Id == request.CustomerId, cancellationToken);
        return customer is null ? PrivacyProblem.NotFound(request.CustomerId) : PrivacyResult<(DataSubjectRequest, Customer)>.Ok((request, customer));
    }

    internal async Task SaveWithAuditAsync(Actor actor, string action, DataSubjectRequest request, object detail, CancellationToken cancellationToken)
    {
        await using var append = await audit.BeginAsync(db, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await append.AppendAsync(Entry(actor, action, request, detail), cancellationToken);
        await append.CommitAsync(cancellationToken);
    }

    internal static AuditRecord Entry(Actor actor, string action, DataSubjectRequest request, object detail) =>
        AuditRecord.By(actor, action) with
        {
            CustomerId = request.CustomerId,
            Fields = $"request:{request.Id}",
            Detail = AuditDetail.Of(new { requestId = request.Id, kind = request.Kind.ToString(), detail }),
        };
}
