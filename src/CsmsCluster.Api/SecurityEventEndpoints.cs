using CsmsCluster.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace CsmsCluster.Api;

/// <summary><c>/api/v1/security-events</c>: every charger's security events, by charger, type and time, newest first.</summary>
internal static class SecurityEventEndpoints
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/security-events", ListAsync).WithTags("Security events").WithName("ListSecurityEvents");

    private static async Task<IResult> ListAsync(
        string? chargePointId, string? type, string? from, string? to, int? page, int? pageSize,
        ISecurityEventStore store, IOptions<ApiOptions> options, CancellationToken cancellationToken)
    {
        if (!Paging.TryRead(page, pageSize, options.Value.MaxPageSize, out var p, out var s, out var error))
        {
            return Problems.BadRequest(error);
        }

        if (!QueryTime.TryParse(from, out var fromTime) || !QueryTime.TryParse(to, out var toTime))
        {
            return Problems.BadRequest(QueryTime.Error);
        }

        var result = await store.QueryAsync(new SecurityEventQuery(chargePointId, type, fromTime, toTime, p, s), cancellationToken);
        return Results.Ok(new PageDto<SecurityEventEntry>(result.Items, result.Total, result.Page, result.PageSize));
    }
}
