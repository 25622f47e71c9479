using System.Buffers;
using System.Net.WebSockets;
using CsmsCluster.Contracts;
using CsmsCluster.Ocpp;

namespace CsmsCluster.Gateway;

/// <summary>
/// One open charger socket: serialises sends (a WebSocket allows one at a time) and keeps at most one outstanding
/// CSMS-initiated CALL, matched to the charger's CALLRESULT or CALLERROR by unique id (OCPP-J 1.6 §4.1.1).
/// </summary>
public sealed class ChargerSession
{
    private readonly WebSocket _socket;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly SemaphoreSlim _callGate = new(1, 1);
    private readonly CancellationTokenSource _closed = new();
    private PendingCall? _pending;

    internal ChargerSession(string chargePointId, ChargerConnection connection, OcppVersion version, WebSocket socket)
    {
        ChargePointId = chargePointId;
        Connection = connection;
        Version = version;
        _socket = socket;
    }

    /// <summary>The charge point id from the URL.</summary>
    public string ChargePointId { get; }

    /// <summary>Where this socket lives, as recorded by the charge point grain.</summary>
    public ChargerConnection Connection { get; }

    /// <summary>The negotiated OCPP version.</summary>
    public OcppVersion Version { get; }

    internal WebSocket Socket => _socket;

    /// <summary>Cancelled once the session ended.</summary>
    internal CancellationToken Closed => _closed.Token;

    /// <summary>Sends a CALL and waits for the charger's answer, at most <paramref name="timeout"/> in total.</summary>
    public async Task<CsmsCallOutcome> SendCallAsync(string action, byte[] payload, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _closed.Token);
        deadline.CancelAfter(timeout);
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

        var pending = new PendingCall(Guid.NewGuid().ToString("N"));
        try
        {
            Volatile.Write(ref _pending, pending);
            if (!await TrySendAsync(w => OcppFrameWriter.WriteCall(w, pending.UniqueId, action, payload), deadline.Token))
            {
                return NotConnected();
            }

            var answer = await pending.Answer.WaitAsync(deadline.Token);
            return answer.ErrorCode is null
                ? new CsmsCallOutcome(CsmsCallStatus.Completed, answer.Payload)
                : new CsmsCallOutcome(CsmsCallStatus.CallError, null, answer.ErrorCode, answer.ErrorDescription);
        }
        catch (OperationCanceledException)
        {
            // The CALL went out: whether the charger acted on it is unknown, so this is a timeout, never a retry.
            var why = _closed.IsCancellationRequested
                ? "The connection closed before the charger answered."
                : $"The charger did not answer within {timeout.TotalSeconds:0.###} s.";
            return new CsmsCallOutcome(CsmsCallStatus.Timeout, ErrorDescription: why);
        }
        finally
        {
            Interlocked.CompareExchange(ref _pending, null, pending);
            _callGate.Release();
        }
    }

    /// <summary>Hands a CALLRESULT or CALLERROR to the outstanding call; false when it answers nothing we sent.</summary>
    internal bool TryCompletePending(string uniqueId, ChargerAnswer answer)
    {
        var pending = Volatile.Read(ref _pending);
        return pending is not null && pending.UniqueId == uniqueId && pending.TryComplete(answer);
    }

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

    /// <summary>Marks the session ended: outstanding and waiting calls end at once. (Nothing here needs disposing:
    /// the token source has no timer, and the semaphores never allocate a wait handle.)</summary>
    internal void MarkClosed() => _closed.Cancel();

    private static CsmsCallOutcome NotConnected() =>
        new(CsmsCallStatus.NotConnected, ErrorDescription: "The charge point is not connected.");
}
