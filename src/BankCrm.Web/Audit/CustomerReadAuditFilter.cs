using System.Globalization;
using BankCrm.Web.Identity;

namespace BankCrm.Web.Audit;

/// <summary>
/// Read audit for every API endpoint (seed 003 记录所有访问): after a successful answer, each customer it showed that
/// the handler did not already record (a sensitive read, a change) gets an entry — one "viewed" for the customer of a
/// <c>/customers/{id}</c> route, one "listed" entry naming every other customer shown. Entries go through the audit
/// trail's group commit, so a busy endpoint pays one shared commit, not one of its own.
/// </summary>
internal sealed class CustomerReadAuditFilter(CustomerAudit audit) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var result = await next(context);
        var http = context.HttpContext;
        if (http.User.Identity?.IsAuthenticated != true || Shown(result) is not { } shown)
        {
            return result;
        }

        var routeCustomer = RouteCustomer(http);
        var ids = CustomersShown.In(shown);
        if (routeCustomer is { } id)
        {
            ids.Add(id);
        }

        var recorded = RecordedCustomers.Of(http);
        ids.ExceptWith(recorded);
        if (ids.Count == 0)
        {
            return result;
        }

        var actor = http.User.ToActor();
        var view = http.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? http.Request.Path.Value ?? "/";
        if (routeCustomer is { } customer && ids.Remove(customer))
        {
            await audit.ViewedAsync(actor, customer, view, cancellationToken: http.RequestAborted);
        }

        if (ids.Count > 0)
        {
            await audit.ListedAsync(actor, view, ids, MaskedSearch.Of(http.Request.Query), http.RequestAborted);
        }

        return result;
    }

    /// <summary>The value of a successful answer; null for errors, files and empty answers.</summary>
    private static object? Shown(object? result)
    {
        while (result is INestedHttpResult nested)
        {
            result = nested.Result;
        }

        return result switch
        {
            IStatusCodeHttpResult { StatusCode: < 200 or >= 300 } => null,
            IValueHttpResult valued => valued.Value,
            IResult => null,
            _ => result,
        };
    }

    private static long? RouteCustomer(HttpContext http) =>
        http.GetEndpoint() is RouteEndpoint endpoint
        && endpoint.RoutePattern.RawText?.StartsWith("/api/v1/customers/{id", StringComparison.Ordinal) == true
        && long.TryParse(http.Request.RouteValues["id"]?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;
}
