using BankCrm.Web.Security;
using Microsoft.AspNetCore.Diagnostics;

namespace BankCrm.Web.Hosting;

/// <summary>
/// Turns an exception into problem details for the API and non-browser clients (see <see cref="ErrorPipeline"/>):
/// a request the framework could not bind → 400 (413, 415) naming the parameter or field and the rule; anything else
/// → 500 "系统繁忙" with the trace id, logged here with its stack trace, which never reaches the client.
/// </summary>
internal sealed partial class ProblemExceptionHandler(ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (!ErrorPipeline.WantsProblem(context))
        {
            // A browser's page request: the middleware re-executes /error with the status of StatusCodeSelector.
            if (exception is not BadHttpRequestException)
            {
                LogUnhandled(logger, exception, context.Request.Method, context.Request.Path, ErrorPipeline.TraceId(context));
            }

            return false;
        }

        // The middleware has cleared the endpoint from the context before asking the handlers.
        var endpoint = context.Features.Get<IExceptionHandlerFeature>()?.Endpoint;
        var result = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => RequestLimits.TooLarge(RequestLimits.LimitOf(endpoint)),
            BadHttpRequestException bad => BindingProblems.For(endpoint, bad),
            _ => null,
        };
        if (result is null)
        {
            var traceId = ErrorPipeline.TraceId(context);
            LogUnhandled(logger, exception, context.Request.Method, context.Request.Path, traceId);
            result = Results.Problem(
                title: "系统繁忙，请稍后再试",
                detail: $"请求未能完成，已记录。联系管理员时请提供编号（trace: {traceId}）。",
                statusCode: StatusCodes.Status500InternalServerError);
        }

        await result.ExecuteAsync(context);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on {Method} {Path} (trace {TraceId})")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path, string traceId);
}
