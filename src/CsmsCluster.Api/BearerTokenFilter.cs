using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace CsmsCluster.Api;

/// <summary>Requires <c>Authorization: Bearer &lt;admin token&gt;</c> on every API endpoint.</summary>
internal sealed class BearerTokenFilter(AdminToken token) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var header = context.HttpContext.Request.Headers[HeaderNames.Authorization].ToString();
        const string prefix = "Bearer ";
        if (!header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || !token.Matches(header.AsSpan(prefix.Length).Trim()))
        {
            context.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return Problems.Status(StatusCodes.Status401Unauthorized, "Unauthorized", "A valid bearer token is required.");
        }

        return await next(context);
    }
}
