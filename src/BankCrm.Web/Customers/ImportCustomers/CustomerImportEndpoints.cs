using System.Security.Claims;
using BankCrm.Core.Organization;
using BankCrm.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace BankCrm.Web.Customers.ImportCustomers;

public static class CustomerImportEndpoints
{
    public static IEndpointRouteBuilder MapCustomerImportApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/customers/import")
            .WithTags("Customers")
            .RequireAuthorization(Permissions.CustomersImport);

        // The form carries no antiforgery token: API clients send a bearer token, and the auth cookie is
        // SameSite=Strict, so a cross-site form cannot post with it.
        api.MapPost("/", ImportAsync)
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(CustomerImportModule.MaxFileBytes + (1 << 20)))
            .WithName("ImportCustomers")
            .WithSummary("Import customers from a CSV (UTF-8 or GBK) or .xlsx file (multipart field \"file\", at most 50 MB); returns the counts and the first 100 row errors.");
        api.MapGet("/reports/{id:guid}", Report)
            .WithName("GetCustomerImportReport")
            .WithSummary("The full error report of an import as CSV (UTF-8 with BOM); only for the user who ran the import.");
        return app;
    }

    internal static async Task<Results<Ok<ImportSummary>, ProblemHttpResult>> ImportAsync(
        IFormFile file, ClaimsPrincipal user, CustomerImportRunner runner, CancellationToken cancellationToken)
    {
        if (file.Length > CustomerImportModule.MaxFileBytes)
        {
            return TypedResults.Problem(title: "文件过大", detail: "导入文件不能超过 50 MB。", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        await using var content = file.OpenReadStream();
        var summary = await runner.RunAsync(content, user.ToActor(), progress: null, cancellationToken);
        return summary is { FileError: { } error, Rows: 0 }
            ? TypedResults.Problem(title: "导入文件无效", detail: error, statusCode: StatusCodes.Status400BadRequest)
            : TypedResults.Ok(summary);
    }

    internal static Results<PhysicalFileHttpResult, NotFound> Report(Guid id, ClaimsPrincipal user, ImportReportStore reports) =>
        reports.Find(id, user.ToActor().UserId) is { } path
            ? TypedResults.PhysicalFile(path, "text/csv; charset=utf-8", "导入错误报告.csv")
            : TypedResults.NotFound();
}
