using System.Buffers;
using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;

namespace CsmsCluster.Simulator;

/// <summary>The socket side of a charger: receive loop, sends, and the single outstanding CALL.</summary>
public sealed partial class SimulatedCharger
{
    private const int MaxMessageBytes = 1 << 20;
    private TaskCompletionSource<CallReply>? _pending;
    private string? _pendingId;
    private int _nextId;

    /// <summary>Sends a CALL and waits for its answer; one CALL is outstanding at a time (others wait their turn).</summary>
    public async Task<CallReply> CallAsync<TState>(string action, TState state, Action<Utf8JsonWriter, TState> payload)
    {
        await _callLock.WaitAsync();
        try
        {
            if (_socket is not { } socket)
            {
                return CallReply.Of(CallOutcome.NotConnected);
            }

            var id = (++_nextId).ToString(CultureInfo.InvariantCulture);
            var reply = new TaskCompletionSource<CallReply>(TaskCreationOptions.RunContinuationsAsynchronously);
            _pendingId = id;
            Volatile.Write(ref _pending, reply);
            if (!await SendAsync(socket, OcppFrameWriter.Call(id, action, state, payload)))
            {
                return CallReply.Of(CallOutcome.NotConnected);
            }

            _fleet.Stats.CallSent();
            CallReply result;
            try
            {
                result = await reply.Task.WaitAsync(_options.CallTimeout);
            }
            catch (TimeoutException)
            {
                result = CallReply.Of(CallOutcome.Timeout);
            }

            if (result.Outcome != CallOutcome.Result)
            {
                _fleet.Stats.CallFailed(result.Outcome);
            }

            return result;
        }
        finally
        {
            Volatile.Write(ref _pending, null);
            _pendingId = null;
            _callLock.Release();
        }
    }

    private void FailPendingCall() => Volatile.Read(ref _pending)?.TrySetResult(CallReply.Of(CallOutcome.NotConnected));

    private async Task<bool> SendAsync(WebSocket socket, byte[] frame)
    {
        await _sendLock.WaitAsync();
        try
        {
            await socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
            _fleet.Stats.Out();
            return true;
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or IOException or InvalidOperationException or OperationCanceledException)
        {
            return false;
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task ReceiveLoopAsync(ClientWebSocket socket, CancellationToken stop)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(4096);
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var count = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    if (count == buffer.Length)
                    {
                        buffer = Grow(buffer);
                    }

                    result = await socket.ReceiveAsync(buffer.AsMemory(count), stop);
                    count += result.Count;
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await CloseOutputQuietlyAsync(socket);
                    return;
                }

                _fleet.Stats.In();
                await HandleFrameAsync(socket, buffer.AsMemory(0, count));
            }
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or IOException or OperationCanceledException or InvalidDataException)
        {
            // The connection is gone; RunConnectionAsync decides what happens next.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static byte[] Grow(byte[] buffer)
    {
        if (buffer.Length >= MaxMessageBytes)
        {
            throw new InvalidDataException("A CSMS message exceeded the simulator's 1 MiB limit.");
        }

        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
        buffer.CopyTo(larger, 0);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }

    private async Task CloseOutputQuietlyAsync(ClientWebSocket socket)
    {
        await _sendLock.WaitAsync();
        try
        {
            if (socket.State == WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            }
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or IOException)
        {
            // Nothing to do: the socket is going away either way.
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task HandleFrameAsync(WebSocket socket, ReadOnlyMemory<byte> message)
    {
        if (OcppFrame.Parse(message) is not { } frame)
        {
            return;
        }

        var pending = Volatile.Read(ref _pending);
        var isAnswer = pending is not null && frame.UniqueId == _pendingId;
        switch (frame.MessageType)
        {
            case 3 when isAnswer:
                pending!.TrySetResult(new CallReply(CallOutcome.Result, frame.Payload, false));
                break;
            case 4 when isAnswer:
                pending!.TrySetResult(CallReply.Of(CallOutcome.Error));
                break;
            case 2 when isAnswer:
                // An echo server sends the CALL back: count it as the answer (baseline runs only).
                pending!.TrySetResult(new CallReply(CallOutcome.Result, frame.Payload, true));
                break;
            case 2:
                if (await SendAsync(socket, AnswerCsmsCall(frame)))
                {
                    _fleet.Stats.CsmsCallAnswered();
                }

                break;
            default:
                break;
        }
    }
}
