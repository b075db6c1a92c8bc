using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace BankCrm.Web.Security;

/// <summary>
/// Hostile input at the edge (docs/security.md, 恶意输入): request bodies are limited to 1 MB unless the endpoint
/// declares more (the import: 50 MB), and a request the framework cannot bind (a page number "abc", JSON that is not
/// UTF-8, a body over the limit, a NUL in a query value) answers 400/413 with a problem naming the parameter, never 500.
/// </summary>
internal static partial class RequestLimits
{
    /// <summary>Far above any form or JSON request of the app (a customer is under 4 KB).</summary>
    public const long DefaultBodyBytes = 1 << 20;

    public static IServiceCollection AddRequestLimits(this IServiceCollection services) =>

        // Binding failures throw in every environment, so the handler below can name the parameter.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);

    /// <summary>Runs after routing, which WebApplication does first, so the endpoint's own limit is known.</summary>
    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? DefaultBodyBytes;
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            {
                // Kestrel then stops a chunked body without Content-Length at the same size.
                feature.MaxRequestBodySize = limit;
            }

            if (context.Request.ContentLength > limit)
            {
                await TooLarge(limit).ExecuteAsync(context);
                return;
            }

            // No query value of the app may hold NUL, and PostgreSQL refuses it in a query parameter: one rule here
            // instead of a 500 from whichever filter passes it on (found by fuzzing relationshipManagerId=%00).
            if (context.Request.Query.FirstOrDefault(q => q.Value.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true)) is { Key: { } name })
            {
                await Results.ValidationProblem(
                    new Dictionary<string, string[]> { [name] = ["不能包含空字符（NUL）"] }, title: "请求参数无效").ExecuteAsync(context);
                return;
            }

            try
            {
                await next(context);
            }
            catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
            {
                context.Response.Clear();
                await Refusal(ex, limit).ExecuteAsync(context);
            }
        });

    private static IResult Refusal(BadHttpRequestException ex, long limit)
    {
        if (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(limit);
        }

        // The framework's message names the parameter ("Failed to bind parameter "int? page" from "abc"."); the value
        // is not echoed back.
        var name = ParameterName().Match(ex.Message) is { Success: true } match ? match.Groups["name"].Value : "body";
        var message = ex.InnerException is System.Text.Json.JsonException || name == "body" || ex.Message.Contains("JSON", StringComparison.Ordinal)
            ? "请求内容不是有效的 UTF-8 JSON，或字段类型不符"
            : "参数格式不正确";
        return Results.ValidationProblem(
            new Dictionary<string, string[]> { [name] = [message] },
            title: "请求参数无效",
            statusCode: ex.StatusCode is >= 400 and < 500 ? ex.StatusCode : StatusCodes.Status400BadRequest);
    }

    private static IResult TooLarge(long limit) => Results.Problem(
        title: "请求内容过大",
        detail: $"请求内容不能超过 {limit / (1 << 20)} MB。",
        statusCode: StatusCodes.Status413PayloadTooLarge);

    [GeneratedRegex("parameter \"(?:[^\" ]+ )?(?<name>[A-Za-z_][A-Za-z0-9_]*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex ParameterName();
}
