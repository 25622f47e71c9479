using CsmsCluster.Contracts;
using CsmsCluster.Grains;
using CsmsCluster.Ocpp;
using CsmsCluster.Persistence;
using Microsoft.AspNetCore.Http;

namespace CsmsCluster.Api;

/// <summary>
/// Sends one CSMS-initiated call for the passthrough and the typed command endpoints alike: 404 unknown charger or
/// action, 422 payload fails the action's schema (nothing is sent), 409 not connected, 502 CALLERROR, 504 no answer,
/// 200 with the charger's answer.
/// </summary>
internal static class OcppCommandSender
{
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Longest time a command may wait for an offline charger.</summary>
    public static readonly TimeSpan MaxQueueTtl = TimeSpan.FromDays(7);

    /// <summary>How long a queued command waits when the caller gives no ttl.</summary>
    public static readonly TimeSpan DefaultQueueTtl = TimeSpan.FromHours(1);

    public static async Task<IResult> SendAsync(
        string id, string action, byte[] payload, CommandOptions options, IChargePointDirectory directory, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var timeout = options.Timeout;
        if (timeout is { } t && (t <= 0 || t > MaxTimeout.TotalSeconds))
        {
            return Problems.BadRequest($"timeout must be between 0 and {MaxTimeout.TotalSeconds} seconds.");
        }

        if (options.Ttl is { } ttl && (ttl <= 0 || ttl > MaxQueueTtl.TotalSeconds || options.Queue != true))
        {
            return Problems.BadRequest($"ttl must be between 0 and {MaxQueueTtl.TotalSeconds} seconds, with queue=true.");
        }

        var summary = await directory.GetAsync(id, cancellationToken);
        if (summary is null)
        {
            return Problems.NotFound($"Charge point '{id}' is not known.");
        }

        var version = summary.OcppVersion is { } v && OcppSubprotocols.TryParse(v, out var parsed) ? parsed : OcppVersion.V16;
        if (!OcppSchemas.TryGetValidator(version, action, OcppPayloadKind.Request, out var validator)
            || !OcppActionCatalog.IsCsmsInitiated(version, action))
        {
            return Problems.NotFound($"'{action}' is not a CSMS-initiated OCPP {OcppSubprotocols.ToSubprotocol(version)} action.");
        }

        var validation = validator.Validate(payload);
        if (!validation.IsValid)
        {
            return validation.ErrorCode == OcppErrorCode.FormationViolation
                ? Problems.BadRequest($"The body is not valid JSON: {validation.Message}")
                : Problems.Unprocessable(
                    $"The payload does not match the {action} schema: {validation.Description}",
                    new Dictionary<string, object?> { ["errorCode"] = validation.ErrorCode.ToString(), ["path"] = validation.Path });
        }

        var callTimeout = timeout is { } seconds ? TimeSpan.FromSeconds(seconds) : TimeSpan.Zero;
        TimeSpan? queueFor = options.Queue == true ? TimeSpan.FromSeconds(options.Ttl ?? DefaultQueueTtl.TotalSeconds) : null;
        var outcome = await grains.GetGrain<IChargePointGrain>(id).SendCallAsync(new CsmsCallRequest(action, payload, callTimeout, queueFor));
        return outcome.Status switch
        {
            CsmsCallStatus.Queued => Results.Accepted($"/api/v1/chargepoints/{Uri.EscapeDataString(id)}/commands/queued/{outcome.Queued!.CommandId}", outcome.Queued),
            CsmsCallStatus.Completed => Results.Bytes(outcome.Payload ?? "{}"u8.ToArray(), "application/json"),
            CsmsCallStatus.NotConnected => Problems.Conflict(outcome.ErrorDescription ?? "The charge point is not connected."),
            CsmsCallStatus.CallError => Problems.Status(
                StatusCodes.Status502BadGateway,
                "The charge point answered with a CALLERROR",
                $"{outcome.ErrorCode}: {outcome.ErrorDescription}",
                new Dictionary<string, object?> { ["errorCode"] = outcome.ErrorCode, ["errorDescription"] = outcome.ErrorDescription }),
            _ => Problems.Status(StatusCodes.Status504GatewayTimeout, "The charge point did not answer", outcome.ErrorDescription ?? "Timed out."),
        };
    }

    public static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        return buffer.Length == 0 ? "{}"u8.ToArray() : buffer.ToArray();
    }
}
