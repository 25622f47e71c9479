using CsmsCluster.Contracts;
using CsmsCluster.Grains;
using CsmsCluster.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace CsmsCluster.Api;

/// <summary><c>/api/v1/chargepoints</c>: list, get, register.</summary>
internal static class ChargePointEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/chargepoints").WithTags("Charge points");
        group.MapGet("/", ListAsync).WithName("ListChargePoints");
        group.MapGet("/{id}", GetAsync).WithName("GetChargePoint");
        group.MapPut("/{id}", PutAsync).WithName("PutChargePoint");
        group.MapPost("/{id}/ocpp/{action}", OcppCallEndpoint.SendAsync).WithName("SendOcppCall");
    }

    private static async Task<IResult> ListAsync(
        string? siteId, int? page, int? pageSize, IChargePointDirectory directory, IChargerGateway gateway, IOptions<ApiOptions> options, CancellationToken cancellationToken)
    {
        if (!Paging.TryRead(page, pageSize, options.Value.MaxPageSize, out var p, out var s, out var error))
        {
            return Problems.BadRequest(error);
        }

        var result = await directory.ListAsync(siteId, p, s, cancellationToken);
        var items = result.Items
            .Select(c => new ChargePointListItem(c.Id, c.SiteId, c.Connected && c.NodeId is not null && gateway.IsNodeAlive(c.NodeId), c.OcppVersion, c.LastSeen, c.Vendor, c.Model, c.FirmwareVersion))
            .ToList();
        return Results.Ok(new PageDto<ChargePointListItem>(items, result.Total, result.Page, result.PageSize));
    }

    private static async Task<IResult> GetAsync(string id, IChargePointDirectory directory, IGrainFactory grains, CancellationToken cancellationToken)
    {
        // The directory answers "unknown" without activating (and so creating) a grain for a made-up id.
        if (await directory.GetAsync(id, cancellationToken) is null)
        {
            return Problems.NotFound($"Charge point '{id}' is not known.");
        }

        return Results.Ok(await grains.GetGrain<IChargePointGrain>(id).GetAsync());
    }

    private static async Task<IResult> PutAsync(string id, ChargePointRegistrationBody? body, IGrainFactory grains)
    {
        if (body is null)
        {
            return Problems.BadRequest("A JSON body is required.");
        }

        if (RegistrationRules.Check(id, body) is { } problem)
        {
            return Problems.BadRequest(problem);
        }

        var view = await grains.GetGrain<IChargePointGrain>(id)
            .RegisterAsync(new ChargePointRegistration(body.SiteId, body.Password, body.MaxCurrent, body.Phases, body.SecurityProfile));
        return Results.Ok(view);
    }
}
