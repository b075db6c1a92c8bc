using System.Security.Claims;
using BankCrm.Core.Common;
using BankCrm.Core.Consent;
using BankCrm.Core.Engagement.Outreach;
using BankCrm.Core.Organization;
using BankCrm.Data.Database;
using BankCrm.Data.Engagement.Outreach;
using BankCrm.Web.Audit;
using BankCrm.Web.Identity;
using BankCrm.Web.Segmentation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Web.Engagement.Outreach;

/// <summary>
/// The outbox (发件箱) API: every message with its status and block reason, the development sink, resending dead
/// letters, recording a customer's response, and checking a template. Messages are seen through their customer's
/// scope: one of a customer outside it is 404, audited as a denied access.
/// </summary>
public static class OutboxEndpoints
{
    public static IEndpointRouteBuilder MapOutreachApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/outbox").WithTags("Outbox");
        api.MapGet("/", ListAsync).RequireAuthorization(Permissions.OutboxRead)
            .WithName("ListOutbox").WithSummary("Messages newest first with counts per status; filter by status, channel, source, customer and China dates from/to.");
        api.MapGet("/{id:long}", GetAsync).RequireAuthorization(Permissions.OutboxRead)
            .WithName("GetOutboxMessage").WithSummary("One message with its text, block or error reason, and what the development sink received.");
        api.MapGet("/sink", SinkAsync).RequireAuthorization(Permissions.OutboxRead)
            .WithName("ListDevelopmentSink").WithSummary("What the development sink 'delivered' (SMS, WeCom, app push; e-mail without SMTP), recipients masked.");
        api.MapPost("/{id:long}/resend", ResendAsync).RequireAuthorization(Permissions.OutboxManage)
            .WithName("ResendOutboxMessage").WithSummary("Put a dead letter back in the queue; it goes through the policy again. 409 for any other status.");
        api.MapPost("/{id:long}/response", RespondAsync).RequireAuthorization(Permissions.InteractionsWrite)
            .WithName("RecordOutboxResponse").WithSummary("The customer replied to or clicked a sent message (from a channel gateway or staff); the first report raises the channel's score.");
        api.MapPost("/templates/validate", ValidateTemplateAsync).RequireAuthorization(Permissions.PlaybooksManage)
            .WithName("ValidateMessageTemplate").WithSummary("Check a subject and body template; 400 names the field and the rule, 200 gives a preview with sample values.");
        SuppressionEndpoints.Map(app);
        ChannelPreferenceEndpoints.Map(app);
        return app;
    }

    internal static async Task<Ok<OutboxListResponse>> ListAsync(
        ClaimsPrincipal user, OutboxQueries queries, MessageStatus? status, ContactChannel? channel, MessageSource? source, long? customerId,
        DateOnly? from, DateOnly? to, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var actor = user.ToActor();
        var filter = new OutboxFilter { Status = status, Channel = channel, Source = source, CustomerId = customerId, From = from, To = to, Page = page ?? 1, PageSize = pageSize ?? 20 };
        var list = await queries.ListAsync(actor, filter, cancellationToken);
        var counts = await queries.CountsAsync(actor, filter, cancellationToken);
        return TypedResults.Ok(new OutboxListResponse(list, counts.ByStatus));
    }

    internal static async Task<Results<Ok<OutboxMessageDetail>, NotFound>> GetAsync(
        long id, ClaimsPrincipal user, OutboxQueries queries, CrmDbContext db, CustomerAudit audit, CancellationToken cancellationToken)
    {
        if (await queries.GetAsync(user.ToActor(), id, cancellationToken) is { } detail)
        {
            return TypedResults.Ok(detail);
        }

        await DeniedAsync(user.ToActor(), id, db, audit, cancellationToken);
        return TypedResults.NotFound();
    }

    internal static async Task<Ok<PagedResult<DeliveredView>>> SinkAsync(ClaimsPrincipal user, OutboxQueries queries, int? page, int? pageSize, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queries.SinkAsync(user.ToActor(), page ?? 1, pageSize ?? 20, cancellationToken));

    internal static async Task<Results<Ok<OutboxMessageDetail>, NotFound, ProblemHttpResult>> ResendAsync(
        long id, ClaimsPrincipal user, OutboxActions actions, OutboxQueries queries, CrmDbContext db, CustomerAudit audit, CancellationToken cancellationToken)
    {
        var actor = user.ToActor();
        switch (await actions.ResendAsync(actor, id, cancellationToken))
        {
            case OutreachOutcome.Done:
                return TypedResults.Ok((await queries.GetAsync(actor, id, cancellationToken))!);
            case OutreachOutcome.Conflict conflict:
                return TypedResults.Problem(title: "无法重发", detail: conflict.Reason, statusCode: StatusCodes.Status409Conflict);
            default:
                await DeniedAsync(actor, id, db, audit, cancellationToken);
                return TypedResults.NotFound();
        }
    }

    internal static async Task<Results<Ok<ResponseRecorded>, NotFound, ProblemHttpResult>> RespondAsync(
        long id, ResponseRequest? body, ClaimsPrincipal user, OutboxActions actions, CrmDbContext db, CustomerAudit audit, CancellationToken cancellationToken)
    {
        var actor = user.ToActor();
        switch (await actions.RecordResponseAsync(actor, id, body?.Note, cancellationToken))
        {
            case OutreachOutcome.Done done:
                return TypedResults.Ok(new ResponseRecorded(id, done.Value is true));
            case OutreachOutcome.Conflict conflict:
                return TypedResults.Problem(title: "无法记录回应", detail: conflict.Reason, statusCode: StatusCodes.Status409Conflict);
            default:
                await DeniedAsync(actor, id, db, audit, cancellationToken);
                return TypedResults.NotFound();
        }
    }

    internal static Task<Results<Ok<TemplatePreview>, ValidationProblem>> ValidateTemplateAsync(TemplateRequest body)
    {
        var errors = MessageTemplates.ValidateFields(body.Subject, body.Body);
        Results<Ok<TemplatePreview>, ValidationProblem> result = errors.Count > 0
            ? TypedResults.ValidationProblem(FieldErrors.ToDictionary(errors))
            : TypedResults.Ok(new TemplatePreview(
                string.IsNullOrWhiteSpace(body.Subject) ? string.Empty : MessageTemplates.Render(body.Subject, MessageModel.Sample),
                MessageTemplates.Render(body.Body!, MessageModel.Sample),
                MessageModel.Variables));
        return Task.FromResult(result);
    }

    /// <summary>A message of a customer outside the caller's scope is audited like a look-up of that customer.</summary>
    private static async Task DeniedAsync(Actor actor, long messageId, CrmDbContext db, CustomerAudit audit, CancellationToken cancellationToken)
    {
        if (await db.OutboundMessages.Where(m => m.Id == messageId).Select(m => (long?)m.CustomerId).SingleOrDefaultAsync(cancellationToken) is { } customerId)
        {
            await audit.DeniedIfExistsAsync(actor, customerId, "outbox", cancellationToken);
        }
    }
}

public sealed record OutboxListResponse(PagedResult<OutboxListItem> Messages, IReadOnlyDictionary<MessageStatus, int> Counts);

public sealed record ResponseRequest(string? Note);

/// <summary>First: this report was the first and counted; false: the response was already recorded.</summary>
public sealed record ResponseRecorded(long MessageId, bool First);

public sealed record TemplateRequest(string? Subject, string? Body);

public sealed record TemplatePreview(string Subject, string Body, IReadOnlyDictionary<string, string> Variables);
