using System.Diagnostics;
using System.Net.WebSockets;
using CsmsCluster.Contracts;
using CsmsCluster.Grains;
using CsmsCluster.Ocpp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CsmsCluster.Gateway;

/// <summary>
/// Handles one message from a charger: frames it, applies the charger's message rate limit, answers framing and
/// schema errors itself, forwards a valid CALL to the charge point grain and hands CALLRESULT / CALLERROR frames to
/// the session's outstanding call.
/// </summary>
/// <remarks>
/// <para>Rate limit: a CALL over the charger's rate is answered with CALLERROR <c>GenericError</c> "Rate limit
/// exceeded; retry later" (OCPP 1.6 has no "busy" code; 2.0.1 would allow RpcFrameworkError, GenericError is valid in
/// both) and never reaches the grain. Nothing was acknowledged, so nothing is lost: the charger retries it. A charger
/// flooding past the hard threshold is closed with 1008.</para>
/// <para>Saturation: the gateway cannot change a grain's answer, and it must not know domain rules. What it can do is
/// not forward a BootNotification while the node is saturated (<see cref="ConnectionAdmission.IsSaturated"/>) and
/// answer it itself with status Pending and a jittered interval: the charger retries its boot later (OCPP 1.6 §4.2),
/// so a reconnect storm is shed without touching grains or storage. Nothing is lost: a Pending boot changes no
/// state. Unsaturated, every BootNotification goes to the grain as usual.</para>
/// </remarks>
internal sealed class InboundMessageHandler(
    IGrainFactory grains,
    ConnectionAdmission admission,
    GatewayMetrics metrics,
    TimeProvider time,
    IOptions<OcppGatewayOptions> options,
    ILogger<InboundMessageHandler> logger)
{
    /// <summary>The action tag of frames that name no known action.</summary>
    private const string UnknownAction = "unknown";

    /// <summary>The description of a rate-limit CALLERROR.</summary>
    public const string RateLimitDescription = "Rate limit exceeded; retry later";

    public async Task HandleAsync(ChargerSession session, ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        var parsed = OcppFrameParser.Parse(message);
        var isCall = parsed.IsSuccess && parsed.Frame.MessageType == OcppMessageType.Call;
        var rate = session.CheckRate(isCall);
        if (rate == RateDecision.Close)
        {
            GatewayLog.FloodClosing(logger, session.ChargePointId);
            await session.TerminateAsync(WebSocketCloseStatus.PolicyViolation, "Message rate limit exceeded.", CloseReasons.Flood);
            return;
        }

        if (!parsed.IsSuccess)
        {
            metrics.MessageIn(UnknownAction);
            GatewayLog.MalformedFrame(logger, session.ChargePointId, parsed.ErrorDescription);
            var code = parsed.ErrorCodeFor(session.Version);
            await SendErrorAsync(session, parsed.UniqueId, UnknownAction, code, parsed.ErrorDescription ?? "Malformed frame.", cancellationToken);
            return;
        }

        var frame = parsed.Frame;
        switch (frame.MessageType)
        {
            case OcppMessageType.Call:
                await HandleCallAsync(session, frame, rate, cancellationToken);
                break;
            case OcppMessageType.CallResult:
                Answer(session, frame.UniqueId, new ChargerAnswer(frame.Payload.ToArray(), null, null));
                break;
            case OcppMessageType.CallError:
                Answer(session, frame.UniqueId, new ChargerAnswer(null, frame.ErrorCode ?? "GenericError", frame.ErrorDescription));
                break;
        }
    }

    private async Task HandleCallAsync(ChargerSession session, OcppFrame frame, RateDecision rate, CancellationToken cancellationToken)
    {
        var action = frame.Action!;
        var known = OcppSchemas.TryGetValidator(session.Version, action, OcppPayloadKind.Request, out var validator);
        // Only known action names become tag values: a charger must not be able to grow the metric's cardinality.
        var tag = known ? action : UnknownAction;
        metrics.MessageIn(tag);
        using var activity = GatewayTelemetry.StartInboundCall(session, tag, frame.UniqueId);
        var started = time.GetTimestamp();
        var errorCode = await AnswerCallAsync(session, frame, tag, known ? validator : null, rate, cancellationToken);
        metrics.CallAnswered(tag, errorCode is null, time.GetElapsedTime(started));
        if (errorCode is not null)
        {
            activity?.SetStatus(ActivityStatusCode.Error, errorCode);
        }
    }

    /// <summary>Answers one CALL; returns the CALLERROR code sent, or null for a CALLRESULT.</summary>
    private async Task<string?> AnswerCallAsync(
        ChargerSession session, OcppFrame frame, string tag, IOcppPayloadValidator? validator, RateDecision rate, CancellationToken cancellationToken)
    {
        var action = frame.Action!;
        if (rate == RateDecision.Reject)
        {
            metrics.MessageRateLimited();
            GatewayLog.RateLimited(logger, session.ChargePointId, frame.UniqueId);
            return await SendErrorAsync(session, frame.UniqueId, tag, OcppErrorCode.GenericError, RateLimitDescription, cancellationToken);
        }

        if (validator is null)
        {
            return await SendErrorAsync(session, frame.UniqueId, tag, OcppErrorCode.NotImplemented, $"Unknown action '{action}'.", cancellationToken);
        }

        if (!OcppActionCatalog.IsChargerInitiated(session.Version, action))
        {
            return await SendErrorAsync(session, frame.UniqueId, tag, OcppErrorCode.NotSupported, $"'{action}' is sent by the CSMS, not by a charge point.", cancellationToken);
        }

        var validation = validator.Validate(frame.Payload.Span);
        if (!validation.IsValid)
        {
            return await SendErrorAsync(session, frame.UniqueId, tag, validation.ErrorCode, validation.Message, cancellationToken);
        }

        if (action == PendingBootReply.Action && admission.IsSaturated)
        {
            await AnswerBootPendingAsync(session, frame.UniqueId, cancellationToken);
            return null;
        }

        OcppReply reply;
        admission.CallStarted();
        try
        {
            var grain = grains.GetGrain<IChargePointGrain>(session.ChargePointId);
            reply = await grain.HandleCallAsync(session.Connection, new InboundCall(frame.UniqueId, action, frame.Payload.ToArray()));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The charger will retry its message; nothing was acknowledged, so nothing is lost.
            GatewayLog.CallFailed(logger, ex, session.ChargePointId, action);
            return await SendErrorAsync(session, frame.UniqueId, tag, OcppErrorCode.InternalError, "The CSMS could not process the message; retry later.", cancellationToken);
        }
        finally
        {
            admission.CallEnded();
        }

        var sent = reply.ErrorCode is { } errorCode
            ? await session.TrySendAsync(w => OcppFrameWriter.WriteCallError(w, frame.UniqueId, errorCode, reply.ErrorDescription ?? string.Empty, default), cancellationToken)
            : await session.TrySendAsync(w => OcppFrameWriter.WriteCallResult(w, frame.UniqueId, reply.Payload), cancellationToken);
        if (sent)
        {
            metrics.MessageOut(tag);
            if (reply.HasQueuedCommands)
            {
                // Only after the reply went out: a follow-up such as CertificateSigned must not overtake it.
                session.Delivery?.Request(session.Closed);
            }
        }

        return reply.ErrorCode;
    }

    private async Task AnswerBootPendingAsync(ChargerSession session, string uniqueId, CancellationToken cancellationToken)
    {
        var interval = RetryDelays.SpreadSeconds(options.Value.PendingBootInterval);
        metrics.BootAnsweredPending();
        GatewayLog.BootPending(logger, session.ChargePointId, interval);
        var now = time.GetUtcNow();
        if (await session.TrySendAsync(w => PendingBootReply.Write(w, uniqueId, session.Version, now, interval), cancellationToken))
        {
            metrics.MessageOut(PendingBootReply.Action);
        }
    }

    private void Answer(ChargerSession session, string uniqueId, ChargerAnswer answer)
    {
        if (session.TryCompletePending(uniqueId, answer, out var action))
        {
            metrics.MessageIn(action!);
        }
        else
        {
            metrics.MessageIn(UnknownAction);
            GatewayLog.UnmatchedAnswer(logger, session.ChargePointId, uniqueId);
        }
    }

    private async Task<string> SendErrorAsync(ChargerSession session, string uniqueId, string tag, OcppErrorCode code, string description, CancellationToken cancellationToken)
    {
        var wire = OcppErrorCodes.ToWire(code, session.Version);
        if (await session.TrySendAsync(w => OcppFrameWriter.WriteCallError(w, uniqueId, wire, description, default), cancellationToken))
        {
            metrics.MessageOut(tag);
        }

        return wire;
    }
}
