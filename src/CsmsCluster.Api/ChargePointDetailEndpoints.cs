using System.Text.Json;
using CsmsCluster.Contracts;
using CsmsCluster.Grains;
using CsmsCluster.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CsmsCluster.Api;

/// <summary>
/// What a charge point's commands and notifications established: cached configuration, installed charging
/// profiles, reservations, the local list, availability, firmware/diagnostics/log status and security events.
/// </summary>
internal static class ChargePointDetailEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/chargepoints/{id}").WithTags("Charge points");
        group.MapGet("/details", (string id, IChargePointDirectory d, IGrainFactory g, CancellationToken ct) => WithDetailsAsync(id, d, g, ct, x => x));
        group.MapGet("/configuration", (string id, IChargePointDirectory d, IGrainFactory g, CancellationToken ct) => WithDetailsAsync(id, d, g, ct, x => x.Configuration));
        group.MapGet("/charging-profiles", (string id, IChargePointDirectory d, IGrainFactory g, CancellationToken ct) => WithDetailsAsync(id, d, g, ct, Profiles));
        group.MapGet("/reservations", (string id, IChargePointDirectory d, IGrainFactory g, CancellationToken ct) => WithDetailsAsync(id, d, g, ct, x => x.Reservations));
        group.MapGet("/local-list", (string id, IChargePointDirectory d, IGrainFactory g, CancellationToken ct) => WithDetailsAsync(id, d, g, ct, x => new LocalListDto(x.LocalListVersion, x.LocalList)));
        group.MapGet("/status-events", (string id, IChargePointDirectory d, IGrainFactory g, CancellationToken ct) => WithDetailsAsync(id, d, g, ct, x => x.StatusEvents));
        group.MapGet("/certificates", (string id, IChargePointDirectory d, IGrainFactory g, CancellationToken ct) => WithDetailsAsync(id, d, g, ct, x => x.Certificates));
        group.MapGet("/composite-schedules", (string id, IChargePointDirectory d, IGrainFactory g, CancellationToken ct) => WithDetailsAsync(id, d, g, ct, x => x.CompositeSchedules));
        group.MapGet("/security-events", (string id, IChargePointDirectory d, IGrainFactory g, CancellationToken ct) => WithDetailsAsync(id, d, g, ct, x => x.SecurityEvents));
    }

    private static async Task<IResult> WithDetailsAsync<T>(
        string id, IChargePointDirectory directory, IGrainFactory grains, CancellationToken cancellationToken, Func<ChargePointDetails, T> select)
    {
        if (await directory.GetAsync(id, cancellationToken) is null)
        {
            return Problems.NotFound($"Charge point '{id}' is not known.");
        }

        return Results.Ok(select(await grains.GetGrain<IChargePointGrain>(id).GetDetailsAsync()));
    }

    private static List<ChargingProfileDto> Profiles(ChargePointDetails details) =>
        [.. details.ChargingProfiles.Select(p => new ChargingProfileDto(
            p.ConnectorId, p.ChargingProfileId, p.StackLevel, p.Purpose, p.TransactionId, JsonDocument.Parse(p.ProfileJson).RootElement.Clone(), p.InstalledAt))];
}
