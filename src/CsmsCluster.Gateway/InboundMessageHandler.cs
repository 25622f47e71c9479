using CsmsCluster.Contracts;
using CsmsCluster.Grains;
using CsmsCluster.Ocpp;
using Microsoft.Extensions.Logging;

namespace CsmsCluster.Gateway;

/// <summary>
/// Handles one message from a charger: frames it, answers framing and schema errors itself, forwards a valid CALL to
/// the charge point grain and hands CALLRESULT / CALLERROR frames to the session's outstanding call.
/// </summary>
internal sealed class InboundMessageHandler(IGrainFactory grains, ILogger<InboundMessageHandler> logger)
{
    public async Task HandleAsync(ChargerSession session, ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        var parsed = OcppFrameParser.Parse(message);
        if (!parsed.IsSuccess)
        {
            GatewayLog.MalformedFrame(logger, session.ChargePointId, parsed.ErrorDescription);
            var code = parsed.ErrorCodeFor(session.Version);
            await SendErrorAsync(session, parsed.UniqueId, code, parsed.ErrorDescription ?? "Malformed frame.", cancellationToken);
            return;
        }

        var frame = parsed.Frame;
        switch (frame.MessageType)
        {
            case OcppMessageType.Call:
                await HandleCallAsync(session, frame, cancellationToken);
                break;
            case OcppMessageType.CallResult:
                Answer(session, frame.UniqueId, new ChargerAnswer(frame.Payload.ToArray(), null, null));
                break;
            case OcppMessageType.CallError:
                Answer(session, frame.UniqueId, new ChargerAnswer(null, frame.ErrorCode ?? "GenericError", frame.ErrorDescription));
                break;
        }
    }

    private async Task HandleCallAsync(ChargerSession session, OcppFrame frame, CancellationToken cancellationToken)
    {
        var action = frame.Action!;
        if (!OcppSchemas.TryGetValidator(session.Version, action, OcppPayloadKind.Request, out var validator))
        {
            await SendErrorAsync(session, frame.UniqueId, OcppErrorCode.NotImplemented, $"Unknown action '{action}'.", cancellationToken);
            return;
        }

        if (!OcppActionCatalog.IsChargerInitiated(session.Version, action))
        {
            await SendErrorAsync(session, frame.UniqueId, OcppErrorCode.NotSupported, $"'{action}' is sent by the CSMS, not by a charge point.", cancellationToken);
            return;
        }

        var validation = validator.Validate(frame.Payload.Span);
        if (!validation.IsValid)
        {
            await SendErrorAsync(session, frame.UniqueId, validation.ErrorCode, validation.Message, cancellationToken);
            return;
        }

        OcppReply reply;
        try
        {
            var grain = grains.GetGrain<IChargePointGrain>(session.ChargePointId);
            reply = await grain.HandleCallAsync(session.Connection, new InboundCall(frame.UniqueId, action, frame.Payload.ToArray()));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The charger will retry its message; nothing was acknowledged, so nothing is lost.
            GatewayLog.CallFailed(logger, ex, session.ChargePointId, action);
            await SendErrorAsync(session, frame.UniqueId, OcppErrorCode.InternalError, "The CSMS could not process the message; retry later.", cancellationToken);
            return;
        }

        if (reply.ErrorCode is { } errorCode)
        {
            await session.TrySendAsync(w => OcppFrameWriter.WriteCallError(w, frame.UniqueId, errorCode, reply.ErrorDescription ?? string.Empty, default), cancellationToken);
        }
        else
        {
            await session.TrySendAsync(w => OcppFrameWriter.WriteCallResult(w, frame.UniqueId, reply.Payload), cancellationToken);
        }
    }

    private void Answer(ChargerSession session, string uniqueId, ChargerAnswer answer)
    {
        if (!session.TryCompletePending(uniqueId, answer))
        {
            GatewayLog.UnmatchedAnswer(logger, session.ChargePointId, uniqueId);
        }
    }

    private static Task<bool> SendErrorAsync(ChargerSession session, string uniqueId, OcppErrorCode code, string description, CancellationToken cancellationToken)
    {
        var wire = OcppErrorCodes.ToWire(code, session.Version);
        return session.TrySendAsync(w => OcppFrameWriter.WriteCallError(w, uniqueId, wire, description, default), cancellationToken);
    }
}
