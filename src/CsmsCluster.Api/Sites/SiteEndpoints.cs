using CsmsCluster.Contracts;
using CsmsCluster.Grains;
using CsmsCluster.SmartCharging.Loop;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CsmsCluster.Api.Sites;

/// <summary><c>/api/v1/sites</c>: site configuration, grid-limit schedule, activation groups, connector parameters, state.</summary>
internal static class SiteEndpoints
{
    private const int MaxSiteIdLength = 64;

    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/sites").WithTags("Sites");
        group.MapGet("/{siteId}", GetAsync).WithName("GetSite");
        group.MapPut("/{siteId}", PutAsync).WithName("PutSite");
        group.MapPut("/{siteId}/grid-limits", PutGridLimitsAsync).WithName("PutSiteGridLimits");
        group.MapPut("/{siteId}/activation-groups", PutActivationGroupsAsync).WithName("PutSiteActivationGroups");
        group.MapPut("/{siteId}/connectors/{chargePointId}/{connectorId:int}", PutConnectorAsync).WithName("PutSiteConnector");
    }

    private static async Task<IResult> GetAsync(string siteId, IGrainFactory grains)
    {
        if (BadId(siteId) is { } bad)
        {
            return bad;
        }
        var view = await grains.GetGrain<ISiteGrain>(siteId).GetAsync();
        return view.Configured || view.Connectors.Count > 0
            ? Results.Ok(SiteDtos.From(view))
            : Problems.NotFound($"Site '{siteId}' is not configured.");
    }

    private static async Task<IResult> PutAsync(string siteId, SiteBody? body, IGrainFactory grains)
    {
        if (BadId(siteId) is { } bad)
        {
            return bad;
        }
        if (body is null)
        {
            return Problems.BadRequest("A JSON body is required.");
        }
        var site = grains.GetGrain<ISiteGrain>(siteId);
        var current = await site.GetAsync();
        if (SiteRules.TryMerge(current.Settings, body, out var settings) is { } error)
        {
            return Problems.BadRequest(error);
        }
        if (settings.Connectors.SelectMany(c => c.Value.Groups).FirstOrDefault(g => !settings.ActivationGroups.Any(a => a.Id == g)) is { } orphan)
        {
            return Problems.Conflict($"Activation group '{orphan}' is used by a connector; assign the connector elsewhere first.");
        }
        return Results.Ok(SiteDtos.From(await site.ConfigureAsync(settings)));
    }

    private static async Task<IResult> PutGridLimitsAsync(string siteId, GridLimitsBody? body, IGrainFactory grains)
    {
        var (site, problem) = await ConfiguredSiteAsync(siteId, grains);
        if (problem is not null)
        {
            return problem;
        }
        if (body?.Steps is not { } steps)
        {
            return Problems.BadRequest("A JSON body with 'steps' is required.");
        }
        if (SiteRules.TryGrid(steps, out var grid) is { } error)
        {
            return Problems.BadRequest(error);
        }
        return Results.Ok(SiteDtos.From(await site.SetGridLimitsAsync(grid)));
    }

    private static async Task<IResult> PutActivationGroupsAsync(string siteId, ActivationGroupsBody? body, IGrainFactory grains)
    {
        var (site, problem) = await ConfiguredSiteAsync(siteId, grains);
        if (problem is not null)
        {
            return problem;
        }
        if (body?.Groups is not { } bodies)
        {
            return Problems.BadRequest("A JSON body with 'groups' is required.");
        }
        if (SiteRules.TryGroups(bodies, out var groups) is { } error)
        {
            return Problems.BadRequest(error);
        }
        var current = await site.GetAsync();
        if (current.Settings.Connectors.SelectMany(c => c.Value.Groups).FirstOrDefault(g => !groups.Any(a => a.Id == g)) is { } orphan)
        {
            return Problems.Conflict($"Activation group '{orphan}' is used by a connector; assign the connector elsewhere first.");
        }
        return Results.Ok(SiteDtos.From(await site.SetActivationGroupsAsync(groups)));
    }

    private static async Task<IResult> PutConnectorAsync(string siteId, string chargePointId, int connectorId, SiteConnectorBody? body, IGrainFactory grains)
    {
        var (site, problem) = await ConfiguredSiteAsync(siteId, grains);
        if (problem is not null)
        {
            return problem;
        }
        if (connectorId < 1)
        {
            return Problems.BadRequest("connectorId must be 1 or more.");
        }
        if (body is null)
        {
            return Problems.BadRequest("A JSON body is required.");
        }
        var current = await site.GetAsync();
        if (SiteRules.TryConnector(body, current.Settings, out var settings) is { } error)
        {
            return Problems.BadRequest(error);
        }
        var view = await site.SetConnectorAsync(SiteObservations.ConnectorId(chargePointId, connectorId), settings);
        return Results.Ok(SiteDtos.From(view));
    }

    private static async Task<(ISiteGrain Site, IResult? Problem)> ConfiguredSiteAsync(string siteId, IGrainFactory grains)
    {
        if (BadId(siteId) is { } bad)
        {
            return (null!, bad);
        }
        var site = grains.GetGrain<ISiteGrain>(siteId);
        return (await site.GetAsync()).Configured
            ? (site, null)
            : (site, Problems.NotFound($"Site '{siteId}' is not configured; PUT /api/v1/sites/{siteId} first."));
    }

    private static IResult? BadId(string siteId) =>
        siteId.Length is 0 or > MaxSiteIdLength ? Problems.BadRequest($"siteId must be 1-{MaxSiteIdLength} characters.") : null;
}
