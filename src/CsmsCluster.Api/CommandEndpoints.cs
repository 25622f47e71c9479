using CsmsCluster.Grains;
using CsmsCluster.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CsmsCluster.Api;

/// <summary>
/// Typed command endpoints under <c>/api/v1/chargepoints/{id}/commands</c>: named operations whose body is the
/// OCPP payload of the action they send, answered synchronously with the charger's response (same status codes as
/// the passthrough).
/// </summary>
internal static class CommandEndpoints
{
    /// <summary>Route segment to OCPP 1.6 action.</summary>
    private static readonly (string Route, string Action)[] Commands =
    [
        ("remote-start", "RemoteStartTransaction"),
        ("remote-stop", "RemoteStopTransaction"),
        ("reset", "Reset"),
        ("unlock", "UnlockConnector"),
        ("availability", "ChangeAvailability"),
        ("clear-cache", "ClearCache"),
        ("trigger", "TriggerMessage"),
        ("firmware", "UpdateFirmware"),
        ("diagnostics", "GetDiagnostics"),
        ("configuration/get", "GetConfiguration"),
        ("configuration/change", "ChangeConfiguration"),
        ("charging-profiles/set", "SetChargingProfile"),
        ("charging-profiles/clear", "ClearChargingProfile"),
        ("composite-schedule", "GetCompositeSchedule"),
        ("reservations/reserve", "ReserveNow"),
        ("reservations/cancel", "CancelReservation"),
        ("local-list/send", "SendLocalList"),
        ("local-list/version", "GetLocalListVersion"),
        ("data-transfer", "DataTransfer"),
        ("log", "GetLog"),
        ("firmware/signed", "SignedUpdateFirmware"),
        ("trigger/extended", "ExtendedTriggerMessage"),
        ("certificates/install", "InstallCertificate"),
        ("certificates/delete", "DeleteCertificate"),
        ("certificates/list", "GetInstalledCertificateIds"),
    ];

    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/chargepoints/{id}/commands").WithTags("Commands");
        foreach (var (route, action) in Commands)
        {
            group.MapPost($"/{route}", (string id, double? timeout, bool? queue, double? ttl, HttpRequest request, IChargePointDirectory directory, IGrainFactory grains, CancellationToken cancellationToken) =>
                    OcppCallEndpoint.SendAsync(id, action, timeout, queue, ttl, request, directory, grains, cancellationToken))
                .WithName($"Command{action}")
                .WithMetadata(new OcppCommandMetadata(action))
                .WithSummary($"Sends {action} and returns the charger's answer.");
        }

        group.MapGet("/queued", QueuedCommandEndpoints.ListAsync).WithName("ListQueuedCommands");
        group.MapGet("/queued/{commandId}", QueuedCommandEndpoints.GetAsync).WithName("GetQueuedCommand");
        group.MapPost("/local-list/sync", LocalListSync.SendAsync)
            .WithName("CommandSyncLocalList")
            .WithSummary("Sends the id tag entries as a full SendLocalList with the next list version.");
    }
}
