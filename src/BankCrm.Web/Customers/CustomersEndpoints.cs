using System.Security.Claims;
using BankCrm.Core.Common;
using BankCrm.Core.Customers;
using BankCrm.Core.Holdings;
using BankCrm.Core.Organization;
using BankCrm.Data.Customers;
using BankCrm.Data.Database;
using BankCrm.Web.Audit;
using BankCrm.Web.Identity;
using BankCrm.Web.Security;
using BankCrm.Web.Segmentation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Web.Customers;

public static class CustomersEndpoints
{
    public static IEndpointRouteBuilder MapCustomersApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/customers").WithTags("Customers");
        api.MapGet("/", ListAsync).RequireAuthorization(Permissions.CustomersReadBasic).WithName("ListCustomers").WithSummary("Search and list customers (paged, scoped to the caller).");
        api.MapGet("/export", ExportAsync).RequireAuthorization(Permissions.CustomersExport).WithName("ExportCustomers")
            .WithSummary("The list with the same search and filters as CSV or Excel (format=csv|xlsx): masked, stamped with who exported it and when, audited.");
        api.MapGet("/{id:long}", GetAsync).RequireAuthorization(Permissions.CustomersReadBasic).WithName("GetCustomer").WithSummary("One customer, identifiers masked.");
        api.MapPost("/", CreateAsync).RequireAuthorization(Permissions.CustomersWrite).WithName("CreateCustomer").WithSummary("Create a customer; 409 when the ID number or name + phone already exist.");
        api.MapPut("/{id:long}", UpdateAsync).RequireAuthorization(Permissions.CustomersWrite).WithName("UpdateCustomer").WithSummary("Update fields of a customer; omitted fields keep their value; 409 on a stale version.");
        api.MapGet("/{id:long}/360", SummaryAsync).RequireAuthorization(Permissions.HoldingsRead).AddEndpointFilter<AssetStepUpFilter>().WithName("GetCustomer360").WithSummary("Header, AUM, holdings and latest transactions for the Customer 360 page.");
        api.MapGet("/{id:long}/transactions", TransactionsAsync).RequireAuthorization(Permissions.HoldingsRead).AddEndpointFilter<AssetStepUpFilter>().WithName("ListCustomerTransactions").WithSummary("Transactions, paged and filtered by date, kind, channel and amount.");
        api.MapGet("/{id:long}/balance-trend", BalanceTrendAsync).RequireAuthorization(Permissions.HoldingsRead).AddEndpointFilter<AssetStepUpFilter>().WithName("GetCustomerBalanceTrend").WithSummary("Month-end AUM for the last 12 months.");
        api.MapGet("/{id:long}/interactions", InteractionsAsync).RequireAuthorization(Permissions.CustomersRead).WithName("ListCustomerInteractions").WithSummary("Interaction timeline, newest first.");
        api.MapGet("/{id:long}/relationships", RelationshipsAsync).RequireAuthorization(Permissions.CustomersRead).WithName("ListCustomerRelationships").WithSummary("Household, employer and legal-representative links.");
        api.MapGet("/{id:long}/changes", ChangesAsync).RequireAuthorization(Permissions.CustomersRead).WithName("ListCustomerChanges").WithSummary("Field-by-field change history, newest first.");
        return app;
    }

    internal static async Task<Ok<PagedResult<CustomerListItem>>> ListAsync(
        ClaimsPrincipal user, CustomerSearch search, string? q, int? branchId, string? relationshipManagerId, CustomerType? type,
        CustomerSort? sort, bool? descending, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var query = new CustomerListQuery
        {
            Search = q,
            BranchId = branchId,
            RelationshipManagerId = relationshipManagerId,
            Type = type,
            Sort = sort ?? CustomerSort.CustomerNumber,
            Descending = descending ?? false,
            Page = page ?? 1,
            PageSize = pageSize ?? 20,
        };
        return TypedResults.Ok(await search.ListAsync(user.ToActor(), query, cancellationToken));
    }

    internal static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportAsync(
        ClaimsPrincipal user, MaskedExport export, string? format, string? q, int? branchId, string? relationshipManagerId, CustomerType? type,
        CancellationToken cancellationToken)
    {
        if (!MaskedExport.TryParseFormat(format, out var kind))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = ["导出格式只能是 csv 或 xlsx"] });
        }

        var query = new CustomerListQuery { Search = q, BranchId = branchId, RelationshipManagerId = relationshipManagerId, Type = type };
        var file = await export.ExportListAsync(user.ToActor(), query, kind, cancellationToken);
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    internal static async Task<Results<Ok<CustomerResponse>, NotFound>> GetAsync(long id, ClaimsPrincipal user, CrmDbContext db, CustomerAudit audit, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.AsNoTracking().VisibleTo(user.ToActor()).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        return await AuditedAsync(customer is null ? null : CustomerResponse.From(customer, user.ToActor()), user, id, audit, sensitiveFields: null, "profile", cancellationToken);
    }

    internal static async Task<Results<Created<CustomerResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateCustomerRequest request, ClaimsPrincipal user, CustomerStore store, CancellationToken cancellationToken)
    {
        var outcome = await store.CreateAsync(user.ToActor(), request.ToProfile(), request.BranchId, request.RelationshipManagerId, cancellationToken);
        return outcome switch
        {
            SaveOutcome.Saved saved => TypedResults.Created($"/api/v1/customers/{saved.Customer.Id}", CustomerResponse.From(saved.Customer, user.ToActor())),
            SaveOutcome.Invalid invalid => TypedResults.ValidationProblem(ToDictionary(invalid.Errors)),
            SaveOutcome.Duplicate duplicate => DuplicateProblem(duplicate),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError),
        };
    }

    internal static async Task<Results<Ok<CustomerResponse>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        long id, UpdateCustomerRequest request, ClaimsPrincipal user, CustomerStore store, Customer360Query query, CustomerAudit audit, CancellationToken cancellationToken)
    {
        var actor = user.ToActor();
        var current = await query.ProfileAsync(actor, id, cancellationToken);
        if (current is null)
        {
            await audit.DeniedIfExistsAsync(actor, id, "update", cancellationToken);
            return TypedResults.NotFound();
        }

        var outcome = await store.UpdateAsync(actor, id, request.MergeInto(current.Value.Profile), request.Version, cancellationToken);
        return outcome switch
        {
            SaveOutcome.Saved saved => TypedResults.Ok(CustomerResponse.From(saved.Customer, actor)),
            SaveOutcome.Invalid invalid => TypedResults.ValidationProblem(ToDictionary(invalid.Errors)),
            SaveOutcome.Duplicate duplicate => DuplicateProblem(duplicate),
            SaveOutcome.Conflict conflict => TypedResults.Problem(
                title: "客户资料已被他人修改",
                detail: $"您编辑的是第 {request.Version} 版，当前已是第 {conflict.CurrentVersion} 版。请重新打开后再修改，您的修改未保存。",
                statusCode: StatusCodes.Status409Conflict,
                extensions: new Dictionary<string, object?> { ["currentVersion"] = conflict.CurrentVersion }),
            _ => TypedResults.NotFound(),
        };
    }

    internal static async Task<Results<Ok<Customer360Summary>, NotFound>> SummaryAsync(long id, ClaimsPrincipal user, Customer360Query query, CustomerAudit audit, CancellationToken cancellationToken)
    {
        var summary = await query.SummaryAsync(user.ToActor(), id, cancellationToken);
        if (summary is not null)
        {
            await audit.Viewed360Async(user.ToActor(), id, assetsShown: true, StepUp.Purpose(user), cancellationToken);
        }

        return await AuditedAsync(summary, user, id, audit, sensitiveFields: null, "360", cancellationToken);
    }

    internal static async Task<Results<Ok<PagedResult<TransactionLine>>, NotFound>> TransactionsAsync(
        long id, ClaimsPrincipal user, Customer360Query query, CustomerAudit audit, DateOnly? from, DateOnly? to, TransactionKind? kind, TransactionChannel? channel,
        decimal? minAmount, decimal? maxAmount, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var filter = new TransactionFilter { From = from, To = to, Kind = kind, Channel = channel, MinAmount = minAmount, MaxAmount = maxAmount, Page = page ?? 1, PageSize = pageSize ?? 20 };
        return await AuditedAsync(await query.TransactionsAsync(user.ToActor(), id, filter, cancellationToken), user, id, audit, CustomerAudit.Transactions, "transactions", cancellationToken);
    }

    internal static async Task<Results<Ok<IReadOnlyList<MonthBalance>>, NotFound>> BalanceTrendAsync(long id, ClaimsPrincipal user, Customer360Query query, CustomerAudit audit, CancellationToken cancellationToken) =>
        await AuditedAsync(await query.BalanceTrendAsync(user.ToActor(), id, cancellationToken), user, id, audit, CustomerAudit.Balances, "balance-trend", cancellationToken);

    internal static async Task<Results<Ok<PagedResult<InteractionLine>>, NotFound>> InteractionsAsync(long id, ClaimsPrincipal user, Customer360Query query, CustomerAudit audit, int? page, int? pageSize, CancellationToken cancellationToken) =>
        await AuditedAsync(await query.InteractionsAsync(user.ToActor(), id, page ?? 1, pageSize ?? 20, cancellationToken), user, id, audit, sensitiveFields: null, "interactions", cancellationToken);

    internal static async Task<Results<Ok<IReadOnlyList<RelationshipLine>>, NotFound>> RelationshipsAsync(long id, ClaimsPrincipal user, Customer360Query query, CustomerAudit audit, CancellationToken cancellationToken) =>
        await AuditedAsync(await query.RelationshipsAsync(user.ToActor(), id, cancellationToken), user, id, audit, sensitiveFields: null, "relationships", cancellationToken);

    internal static async Task<Results<Ok<PagedResult<ChangeLine>>, NotFound>> ChangesAsync(long id, ClaimsPrincipal user, Customer360Query query, CustomerAudit audit, int? page, int? pageSize, CancellationToken cancellationToken) =>
        await AuditedAsync(await query.ChangesAsync(user.ToActor(), id, page ?? 1, pageSize ?? 20, cancellationToken), user, id, audit, sensitiveFields: null, "changes", cancellationToken);

    /// <summary>
    /// 200 with the result, after recording the read when it shows C2 data (balances, transactions); or 404, after
    /// recording the refusal when the customer exists outside the caller's scope.
    /// </summary>
    private static async Task<Results<Ok<T>, NotFound>> AuditedAsync<T>(
        T? result, ClaimsPrincipal user, long id, CustomerAudit audit, string? sensitiveFields, string what, CancellationToken cancellationToken)
        where T : class
    {
        if (result is null)
        {
            await audit.DeniedIfExistsAsync(user.ToActor(), id, what, cancellationToken);
            return TypedResults.NotFound();
        }

        if (sensitiveFields is not null)
        {
            await audit.ViewedSensitiveAsync(user.ToActor(), id, sensitiveFields, StepUp.Purpose(user), cancellationToken);
        }

        return TypedResults.Ok(result);
    }

    private static Dictionary<string, string[]> ToDictionary(IEnumerable<FieldError> errors) =>
        errors.GroupBy(e => JsonName(e.Field)).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());

    private static string JsonName(string field) => field.Length == 0 ? field : char.ToLowerInvariant(field[0]) + field[1..];

    // A duplicate outside the caller's scope is answered without naming it (see CustomerStore).
    private static ProblemHttpResult DuplicateProblem(SaveOutcome.Duplicate duplicate) => TypedResults.Problem(
        title: "客户已存在",
        detail: duplicate.Message,
        statusCode: StatusCodes.Status409Conflict,
        extensions: duplicate.Visible
            ? new Dictionary<string, object?> { ["existingCustomerId"] = duplicate.ExistingId, ["existingCustomerNumber"] = duplicate.ExistingNumber }
            : null);
}
