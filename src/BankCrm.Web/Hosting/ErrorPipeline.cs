using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;

namespace BankCrm.Web.Hosting;

/// <summary>
/// One error pipeline, the same in every environment (issue 11 finding 3: Production used to answer a request it
/// could not bind with the HTML error page, 500, or a 405 when a PUT was re-executed on that page). The API
/// (<c>/api/</c>) and any client that does not ask for HTML always get RFC 9457 problem details: a request that
/// cannot be bound is a 400 naming the parameter or JSON field and the rule, anything unexpected is a 500 with a
/// trace id and no exception text. A browser navigating the UI gets the Chinese error page (/error).
/// </summary>
internal static class ErrorPipeline
{
    public static IServiceCollection AddErrorPipeline(this IServiceCollection services)
    {
        // Binding failures throw in every environment, so the handler can name the parameter (the default only
        // throws in Development and otherwise answers an empty 400).
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions.TryAdd("traceId", TraceId(context.HttpContext)));
        services.AddExceptionHandler<ProblemExceptionHandler>();
        return services;
    }

    /// <summary>Outside everything that may throw, so no exception reaches the host's own handlers.</summary>
    public static IApplicationBuilder UseErrorPipeline(this IApplicationBuilder app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error",
            CreateScopeForErrors = true,
            StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        return app.UseStatusCodePages(WriteStatusAsync);
    }

    /// <summary>True when the answer must be problem details rather than the UI's error page.</summary>
    public static bool WantsProblem(HttpContext context)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/api") || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsPost(request.Method)))
        {
            return true;
        }

        return !request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
    }

    public static string TraceId(HttpContext context) => Activity.Current?.Id ?? context.TraceIdentifier;

    /// <summary>An empty 401/403/404/405 gets a body: problem details on the API, the framework's default elsewhere.</summary>
    private static async Task WriteStatusAsync(StatusCodeContext status)
    {
        var context = status.HttpContext;
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await Results.Problem(statusCode: context.Response.StatusCode).ExecuteAsync(context);
            return;
        }

        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        if (!await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context }))
        {
            var reason = ReasonPhrases.GetReasonPhrase(context.Response.StatusCode);
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync($"Status Code: {context.Response.StatusCode}; {reason}");
        }
    }
}
