using System.Globalization;
using System.Security.Claims;
using BankCrm.Data.Privacy;
using BankCrm.Web.Audit;
using BankCrm.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BankCrm.Web.Privacy;

/// <summary>GET /api/v1/privacy/requests/{id}/export: checked, marked and audited first, then streamed.</summary>
internal static class PrivacyExportEndpoint
{
    internal static async Task<Results<PushStreamHttpResult, NotFound, ValidationProblem, ProblemHttpResult>> ExportAsync(
        long id, string? format, ClaimsPrincipal user, PrivacyRequestStore store, CustomerDataReader reader, CustomerAudit audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var html = string.Equals(format, "html", StringComparison.OrdinalIgnoreCase);
        if (!html && format is not null && !string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = ["格式应为 json 或 html"] });
        }

        var started = await store.StartExportAsync(user.ToActor(), id, html, cancellationToken);
        if (started.Problem is { } problem)
        {
            return await PrivacyEndpoints.ProblemAsync<PushStreamHttpResult>(problem, user, audit, cancellationToken);
        }

        var customerId = started.Value;
        var generatedAt = time.GetUtcNow();
        var name = string.Create(CultureInfo.InvariantCulture, $"personal-data-request-{id}.{(html ? "html" : "json")}");
        return html
            ? TypedResults.Stream(stream => HtmlExportWriter.WriteAsync(stream, reader, id, customerId, generatedAt, cancellationToken), "text/html; charset=utf-8", name)
            : TypedResults.Stream(stream => JsonExportWriter.WriteAsync(stream, reader, id, customerId, generatedAt, cancellationToken), "application/json; charset=utf-8", name);
    }
}
