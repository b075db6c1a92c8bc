using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace BankCrm.Web.Security;

/// <summary>
/// Hostile input at the edge (docs/security.md, 恶意输入): request bodies are limited to 1 MB unless the endpoint
/// declares more (the import: 50 MB), and a request the framework cannot bind (a page number "abc", JSON that is not
/// UTF-8, a body over the limit, a NUL in a query value) answers 400/413 with a problem naming the parameter, never 500
/// (the binding failures through Hosting/ErrorPipeline).
/// </summary>
internal static class RequestLimits
{
    /// <summary>Far above any form or JSON request of the app (a customer is under 4 KB).</summary>
    public const long DefaultBodyBytes = 1 << 20;

    /// <summary>Runs after routing, which WebApplication does first, so the endpoint's own limit is known.</summary>
    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var limit = LimitOf(context.GetEndpoint());
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

            await next(context);
        });

    /// <summary>The body limit of the request's endpoint.</summary>
    public static long LimitOf(Endpoint? endpoint) =>
        endpoint?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? DefaultBodyBytes;

    public static IResult TooLarge(long limit) => Results.Problem(
        title: "请求内容过大",
        detail: $"请求内容不能超过 {limit / (1 << 20)} MB。",
        statusCode: StatusCodes.Status413PayloadTooLarge);
}
