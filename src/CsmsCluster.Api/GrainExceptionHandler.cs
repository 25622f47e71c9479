using CsmsCluster.Grains;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace CsmsCluster.Api;

/// <summary>
/// Turns grain-runtime failures into problem documents: an overloaded or unavailable grain is 503 (the call did not
/// run; retry later), a grain call past its deadline is 504 (outcome unknown). Anything else stays a 500.
/// </summary>
internal sealed class GrainExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title) = exception switch
        {
            GrainOverloadedException => (StatusCodes.Status503ServiceUnavailable, "Busy"),
            GrainUnavailableException => (StatusCodes.Status503ServiceUnavailable, "Unavailable"),
            GrainCallTimeoutException => (StatusCodes.Status504GatewayTimeout, "Timed out"),
            _ => (0, string.Empty),
        };
        if (status == 0)
        {
            return false;
        }

        httpContext.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = "1";
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = exception.Message },
        });
    }
}
