using System.Buffers;
using System.Diagnostics;
using System.Net.WebSockets;
using CsmsCluster.Contracts;
using CsmsCluster.Ocpp;

namespace CsmsCluster.Gateway;

/// <summary>
/// One open charger socket: serialises sends (a WebSocket allows one at a time) and keeps at most one outstanding
/// CSMS-initiated CALL, matched to the charger's CALLRESULT or CALLERROR by unique id (OCPP-J 1.6 §4.1.1).
/// </summary>
/// <remarks>
/// A charger that leaves <see cref="OcppGatewayOptions.UnansweredCallLimit"/> consecutive CSMS calls unanswered until
/// they time out is a zombie (its socket may look alive, its OCPP stack is not): the session closes it with 1008 so a
/// reconnect starts afresh. Any answer, even a CALLERROR, resets the count.
/// </remarks>
public sealed class ChargerSession
{
    private readonly WebSocket _socket;
    private readonly SessionEnvironment _environment;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly SemaphoreSlim _callGate = new(1, 1);
    private readonly CancellationTokenSource _closed = new();
    private PendingCall? _pending;
    private MessageRateLimiter _rate;
    private int _unansweredCalls;
    private string _closeReason = CloseReasons.Ended;
    private ITimer? _abortTimer;
    private volatile bool _terminating;

    internal ChargerSession(string chargePointId, ChargerConnection connection, OcppVersion version, WebSocket socket, SessionEnvironment environment)
    {
        ChargePointId = chargePointId;
        Connection = connection;
        Version = version;
        _socket = socket;
        _environment = environment;
        // Created on the upgrade request: its span (when traced) is what each message's own trace links back to.
        if (Activity.Current is { } upgrade)
        {
            ConnectionLinks = [new ActivityLink(upgrade.Context)];
        }
    }

    /// <summary>The charge point id from the URL.</summary>
    public string ChargePointId { get; }

    /// <summary>Where this socket lives, as recorded by the charge point grain.</summary>
    public ChargerConnection Connection { get; }

    /// <summary>The negotiated OCPP version.</summary>
    public OcppVersion Version { get; }

    internal WebSocket Socket => _socket;

    /// <summary>A link to the span of the WebSocket upgrade, or null when it was not traced.</summary>
    internal IEnumerable<ActivityLink>? ConnectionLinks { get; }

    /// <summary>Delivery of the charge point's queued commands over this session (null when the session has no grain).</summary>
    internal QueuedCommandDelivery? Delivery { get; init; }

    /// <summary>Cancelled once the session ended.</summary>
    internal CancellationToken Closed => _closed.Token;

    /// <summary>Why the session ended, for metrics; <see cref="CloseReasons.Ended"/> unless the gateway closed it.</summary>
    internal string CloseReason => Volatile.Read(ref _closeReason);

    /// <summary>
    /// True once the gateway closed the socket on its own initiative (<see cref="TerminateAsync"/>): the receive loop
    /// then drains, discarding messages, until the charger's close arrives or the abort timer fires, so the close frame
    /// is not lost to a reset of a socket with unread data.
    /// </summary>
    internal bool IsTerminating => _terminating;

    /// <summary>Consecutive CSMS calls that timed out unanswered.</summary>
    internal int UnansweredCalls => Volatile.Read(ref _unansweredCalls);

    /// <summary>Sends a CALL and waits for the charger's answer, at most <paramref name="timeout"/> in total.</summary>
    public async Task<CsmsCallOutcome> SendCallAsync(string action, byte[] payload, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var activity = GatewayTelemetry.StartOutboundCall(this, action);
        var started = _environment.Time.GetTimestamp();
        var outcome = await SendCallCoreAsync(action, payload, timeout, cancellationToken);
        _environment.Metrics.CsmsCallEnded(action, outcome.Status, _environment.Time.GetElapsedTime(started));
        if (activity is not null)
        {
            GatewayTelemetry.SetOutcome(activity, outcome);
        }

        return outcome;
    }

    private async Task<CsmsCallOutcome> SendCallCoreAsync(string action, byte[] payload, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(timeout, _environment.Time);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _closed.Token, timer.Token);
        try
        {
            // One outstanding CALL per direction: a second command waits for the first to be answered.
            await _callGate.WaitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            return _closed.IsCancellationRequested
                ? NotConnected()
                : new CsmsCallOutcome(CsmsCallStatus.Timeout, ErrorDescription: "An earlier call to the charger is still outstanding.");
        }

        var pending = new PendingCall(Guid.NewGuid().ToString("N"), action);
        var zombie = false;
        try
        {
            Volatile.Write(ref _pending, pending);
            if (!await TrySendAsync(w => OcppFrameWriter.WriteCall(w, pending.UniqueId, action, payload), deadline.Token))
            {
                return NotConnected();
            }

            _environment.Metrics.MessageOut(action);
            var answer = await pending.Answer.WaitAsync(deadline.Token);
            Interlocked.Exchange(ref _unansweredCalls, 0);
            return answer.ErrorCode is null
                ? new CsmsCallOutcome(CsmsCallStatus.Completed, answer.Payload)
                : new CsmsCallOutcome(CsmsCallStatus.CallError, null, answer.ErrorCode, answer.ErrorDescription);
        }
        catch (OperationCanceledException)
        {
            // The CALL went out: whether the charger acted on it is unknown, so this is a timeout, never a retry.
            if (_closed.IsCancellationRequested)
            {
                return new CsmsCallOutcome(CsmsCallStatus.Timeout, ErrorDescription: "The connection closed before the charger answered.");
            }

            zombie = timer.IsCancellationRequested && Interlocked.Increment(ref _unansweredCalls) >= _environment.Options.UnansweredCallLimit;
            return new CsmsCallOutcome(CsmsCallStatus.Timeout, ErrorDescription: $"The charger did not answer within {timeout.TotalSeconds:0.###} s.");
        }
        finally
        {
            // The slot is freed on every path, so a timed-out call never blocks the next one.
            Interlocked.CompareExchange(ref _pending, null, pending);
            _callGate.Release();
            if (zombie)
            {
                await CloseAsZombieAsync();
            }
        }
    }

    /// <summary>Hands a CALLRESULT or CALLERROR to the outstanding call; false when it answers nothing we sent.</summary>
    /// <param name="uniqueId">The answer's unique id.</param>
    /// <param name="answer">The answer.</param>
    /// <param name="action">The action of the call answered (for metrics), or null when none matched.</param>
    internal bool TryCompletePending(string uniqueId, ChargerAnswer answer, out string? action)
    {
        var pending = Volatile.Read(ref _pending);
        if (pending is not null && pending.UniqueId == uniqueId && pending.TryComplete(answer))
        {
            action = pending.Action;
            return true;
        }

        action = null;
        return false;
    }

    /// <summary>Counts one received message against this charger's rate (receive loop only).</summary>
    internal RateDecision CheckRate(bool isCall) =>
        _rate.Check(_environment.Time.GetTimestamp(), _environment.MessageLimits, isCall);

    /// <summary>Writes one frame; false when the socket is no longer open.</summary>
    internal async Task<bool> TrySendAsync(Action<IBufferWriter<byte>> write, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        write(buffer);
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            if (_socket.State != WebSocketState.Open)
            {
                return false;
            }

            await _socket.SendAsync(buffer.WrittenMemory, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
            return true;
        }
        catch (WebSocketException)
        {
            return false;
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Closes the socket with <paramref name="status"/>, aborting it if the handshake takes too long.</summary>
    internal async Task CloseAsync(WebSocketCloseStatus status, string description, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await _sendLock.WaitAsync(cts.Token);
                try
                {
                    await _socket.CloseOutputAsync(status, description, cts.Token);
                }
                finally
                {
                    _sendLock.Release();
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            _socket.Abort();
        }
    }

    /// <summary>
    /// Closes the socket on the gateway's initiative (flood, zombie, replaced): sends the close frame and aborts the
    /// socket if the charger has not completed the closing handshake within the close timeout, so a charger that
    /// never answers cannot keep the receive loop (and its connection slot) alive.
    /// </summary>
    internal async Task TerminateAsync(WebSocketCloseStatus status, string description, string reason)
    {
        Volatile.Write(ref _closeReason, reason);
        _terminating = true;
        MarkClosed();
        var timeout = _environment.Options.CloseTimeout;
        await CloseAsync(status, description, timeout);
        var abort = _environment.Time.CreateTimer(static s => ((WebSocket)s!).Abort(), _socket, timeout, Timeout.InfiniteTimeSpan);
        Interlocked.Exchange(ref _abortTimer, abort)?.Dispose();
    }

    /// <summary>Notes why the session ends (when the gateway ends it without <see cref="TerminateAsync"/>).</summary>
    internal void SetCloseReason(string reason) => Volatile.Write(ref _closeReason, reason);

    /// <summary>Marks the session ended: outstanding and waiting calls end at once. (Nothing here needs disposing:
    /// the token source has no timer, and the semaphores never allocate a wait handle.)</summary>
    internal void MarkClosed() => _closed.Cancel();

    /// <summary>Releases the socket and any pending abort timer once the receive loop ended.</summary>
    internal void Release()
    {
        Interlocked.Exchange(ref _abortTimer, null)?.Dispose();
        _socket.Dispose();
    }

    private Task CloseAsZombieAsync()
    {
        GatewayLog.ZombieClosing(_environment.Logger, ChargePointId, _environment.Options.UnansweredCallLimit);
        return TerminateAsync(WebSocketCloseStatus.PolicyViolation, "No answer to consecutive calls; reconnect.", CloseReasons.Zombie);
    }

    private static CsmsCallOutcome NotConnected() =>
        new(CsmsCallStatus.NotConnected, ErrorDescription: "The charge point is not connected.");
}
