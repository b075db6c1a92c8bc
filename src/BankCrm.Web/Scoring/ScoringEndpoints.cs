using System.Security.Claims;
using BankCrm.Core.Organization;
using BankCrm.Data.Scoring;
using BankCrm.Web.Audit;
using BankCrm.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BankCrm.Web.Scoring;

public sealed record StartScoringRequest(DateOnly? RunDate, bool Force);

public sealed record ScoringRunsResponse(IReadOnlyList<ScoringRunLine> Runs, ScoringProgress? Current);

public static class ScoringEndpoints
{
    public static IEndpointRouteBuilder MapScoringApiV1(this IEndpointRouteBuilder app)
    {
        var runs = app.MapGroup("/api/v1/scoring/runs").WithTags("Scoring");
        runs.MapGet("/", ListRunsAsync).RequireAuthorization(Permissions.ScoringRun)
            .WithName("ListScoringRuns").WithSummary("Scoring runs, newest first, and the progress of the one under way.");
        runs.MapPost("/", StartRunAsync).RequireAuthorization(Permissions.ScoringRun)
            .WithName("StartScoringRun").WithSummary("Start a scoring run for a date (default today, China time) in the background; 409 while one is running.");

        app.MapGet("/api/v1/customers/{id:long}/scores", CustomerScoresAsync).WithTags("Scoring").RequireAuthorization(Permissions.ScoresRead)
            .WithName("GetCustomerScores").WithSummary("Latest score, class, tier, lifecycle, health, churn and needs of a customer, with the history of earlier runs; amounts only for callers who may see asset details.");

        var segments = app.MapGroup("/api/v1/segments").WithTags("Scoring").RequireAuthorization(Permissions.SegmentsRead);
        segments.MapGet("/distribution", DistributionAsync).WithName("GetSegmentDistribution").WithSummary("Classes, tiers and lifecycle stages on a run date (default the latest), within the caller's scope.");
        segments.MapGet("/migration", MigrationAsync).WithName("GetClassMigration").WithSummary("Class migration matrix between two run dates, within the caller's scope.");
        return app;
    }

    internal static async Task<Ok<ScoringRunsResponse>> ListRunsAsync(ScoreQueries queries, ScoringJobs jobs, CancellationToken cancellationToken) =>
        TypedResults.Ok(new ScoringRunsResponse(await queries.RunsAsync(30, cancellationToken), jobs.Current));

    internal static async Task<Results<Accepted<ScoringProgress>, ProblemHttpResult>> StartRunAsync(
        StartScoringRequest? request, ClaimsPrincipal user, ScoringJobs jobs, CancellationToken cancellationToken)
    {
        var runDate = request?.RunDate ?? jobs.Today;
        if (runDate > jobs.Today)
        {
            return TypedResults.Problem(title: "评分日期无效", detail: $"评分日期 {runDate:yyyy-MM-dd} 晚于今天，只能为今天或以前的日期评分。", statusCode: StatusCodes.Status400BadRequest);
        }

        if (!await jobs.StartAsync(user.ToActor(), runDate, request?.Force ?? false, cancellationToken))
        {
            return TypedResults.Problem(title: "评分正在进行", detail: "已有评分任务在运行，请等它完成后再启动。", statusCode: StatusCodes.Status409Conflict);
        }

        return TypedResults.Accepted("/api/v1/scoring/runs", new ScoringProgress(runDate, 0, 0));
    }

    internal static async Task<Results<Ok<CustomerScoresResponse>, NotFound>> CustomerScoresAsync(
        long id, ClaimsPrincipal user, ScoreQueries queries, CustomerAudit audit, StepUp stepUp, CancellationToken cancellationToken)
    {
        if (await queries.ForCustomerAsync(user.ToActor(), id, cancellationToken) is { } view)
        {
            return TypedResults.Ok(CustomerScoresResponse.From(view, stepUp.ShowsAssetAmounts(user)));
        }

        await audit.DeniedIfExistsAsync(user.ToActor(), id, "scores", cancellationToken);
        return TypedResults.NotFound();
    }

    internal static async Task<Results<Ok<SegmentDistribution>, NotFound>> DistributionAsync(ClaimsPrincipal user, ScoreQueries queries, DateOnly? runDate, CancellationToken cancellationToken)
    {
        var date = runDate ?? (await queries.RunDatesAsync(cancellationToken)).FirstOrDefault();
        return date == default ? TypedResults.NotFound() : TypedResults.Ok(await queries.DistributionAsync(user.ToActor(), date, cancellationToken));
    }

    internal static async Task<Ok<MigrationMatrix>> MigrationAsync(ClaimsPrincipal user, ScoreQueries queries, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queries.MigrationAsync(user.ToActor(), from, to, cancellationToken));
}
