using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace CsmsCluster.Server.Tests;

/// <summary>
/// A charger for tests over a real WebSocket: sends CALLs and waits for the matching answer, answers the CSMS's
/// CALLs with <see cref="AnswerCall"/> or <see cref="OnCall"/> (or later, when the test decides), and exposes every
/// other frame raw for wire-level assertions.
/// </summary>
public sealed class OcppTestClient : IAsyncDisposable
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    private readonly ClientWebSocket _socket;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonElement>> _waiting = new();
    private readonly Channel<string> _unsolicited = Channel.CreateUnbounded<string>();
    private readonly Channel<OcppIncomingCall> _incoming = Channel.CreateUnbounded<OcppIncomingCall>();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly TaskCompletionSource<WebSocketCloseStatus?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _receiveLoop;
    private int _nextId;

    private OcppTestClient(ClientWebSocket socket)
    {
        _socket = socket;
        _receiveLoop = Task.Run(ReceiveLoopAsync);
    }

    /// <summary>Answers a CSMS-initiated CALL (action, payload) with a CALLRESULT payload; null leaves it unanswered.</summary>
    public Func<string, JsonElement, string?>? OnCall { get; set; }

    /// <summary>
    /// Decides the answer to a CSMS-initiated CALL from its unique id, action and payload; when set, it is asked
    /// instead of <see cref="OnCall"/>. With neither, CALLs stay unanswered until <see cref="AnswerAsync"/>.
    /// </summary>
    public Func<OcppIncomingCall, OcppCallAnswer>? AnswerCall { get; set; }

    /// <summary>The CSMS-initiated CALLs received, as (action, payload).</summary>
    public ConcurrentQueue<(string Action, JsonElement Payload)> ReceivedCalls { get; } = new();

    /// <summary>The CSMS-initiated CALLs received, with their unique ids, in the order they arrived.</summary>
    public ConcurrentQueue<OcppIncomingCall> IncomingCalls { get; } = new();

    /// <summary>Completes with the close status when the server closed the socket (or null when it broke).</summary>
    public Task<WebSocketCloseStatus?> Closed => _closed.Task;

    public string? SubProtocol => _socket.SubProtocol;

    public static async Task<OcppTestClient> ConnectAsync(
        Uri uri, string? subprotocol = "ocpp1.6", string? basicAuthPassword = null, string? basicAuthUser = null, Action<ClientWebSocketOptions>? configure = null)
    {
        var socket = new ClientWebSocket();
        configure?.Invoke(socket.Options);
        if (subprotocol is not null)
        {
            socket.Options.AddSubProtocol(subprotocol);
        }

        if (basicAuthPassword is not null)
        {
            var user = basicAuthUser ?? Uri.UnescapeDataString(uri.Segments[^1]);
            socket.Options.SetRequestHeader("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{basicAuthPassword}")));
        }

        socket.Options.CollectHttpResponseDetails = true;
        using var cts = new CancellationTokenSource(DefaultTimeout);
        await socket.ConnectAsync(uri, cts.Token);
        return new OcppTestClient(socket);
    }

    /// <summary>Sends a CALL and returns the CALLRESULT payload; throws <see cref="OcppCallErrorException"/> on CALLERROR.</summary>
    public async Task<JsonElement> CallAsync(string action, string payloadJson, TimeSpan? timeout = null)
    {
        var id = $"t{Interlocked.Increment(ref _nextId)}";
        var answer = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[id] = answer;
        await SendRawAsync($"[2,\"{id}\",\"{action}\",{payloadJson}]");
        var frame = await answer.Task.WaitAsync(timeout ?? DefaultTimeout);
        if (frame[0].GetInt32() == 4)
        {
            throw new OcppCallErrorException(frame[2].GetString()!, frame[3].GetString()!);
        }

        return frame[2];
    }

    /// <summary>Sends any text as one message.</summary>
    public async Task SendRawAsync(string text)
    {
        await _sendLock.WaitAsync();
        try
        {
            await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Answers the CSMS's CALL <paramref name="uniqueId"/> with a CALLRESULT (at any time, also late).</summary>
    public Task AnswerAsync(string uniqueId, string payloadJson) => SendRawAsync(OcppCallAnswer.ResultFrame(uniqueId, payloadJson));

    /// <summary>Answers the CSMS's CALL <paramref name="uniqueId"/> with a CALLERROR.</summary>
    public Task AnswerErrorAsync(string uniqueId, string errorCode, string description, string detailsJson = "{}") =>
        SendRawAsync(OcppCallAnswer.ErrorFrame(uniqueId, errorCode, description, detailsJson));

    /// <summary>The next CSMS-initiated CALL not yet taken by this method (each CALL is taken once).</summary>
    public async Task<OcppIncomingCall> NextCallAsync(TimeSpan? timeout = null)
    {
        var wait = timeout ?? DefaultTimeout;
        return await TryNextCallAsync(wait) ?? throw new TimeoutException($"No CALL from the CSMS within {wait.TotalSeconds} s.");
    }

    /// <summary>The next CSMS-initiated CALL not yet taken, or null if none arrives within <paramref name="window"/>.</summary>
    public async Task<OcppIncomingCall?> TryNextCallAsync(TimeSpan window)
    {
        using var cts = new CancellationTokenSource(window);
        try
        {
            return await _incoming.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>Takes a frame that answered nothing this client sent, if one has arrived; does not wait.</summary>
    public bool TryTakeUnsolicited(out JsonElement frame)
    {
        frame = _unsolicited.Reader.TryRead(out var text) ? JsonDocument.Parse(text).RootElement.Clone() : default;
        return text is not null;
    }

    /// <summary>The next frame that answers nothing this client sent (e.g. a CALLERROR for a malformed frame).</summary>
    public async Task<JsonElement> ReceiveUnsolicitedAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        var text = await _unsolicited.Reader.ReadAsync(cts.Token);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", cts.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                _socket.Abort();
            }
        }

        await _receiveLoop;
        _socket.Dispose();
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    _closed.TrySetResult(result.CloseStatus);
                    FailWaiting();
                    return;
                }

                await DispatchAsync(Encoding.UTF8.GetString(message.ToArray()));
            }
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            _closed.TrySetResult(_socket.CloseStatus);
            FailWaiting();
        }
    }

    /// <summary>Calls still waiting when the socket ends will never be answered.</summary>
    private void FailWaiting()
    {
        foreach (var id in _waiting.Keys)
        {
            if (_waiting.TryRemove(id, out var waiter))
            {
                waiter.TrySetException(new WebSocketException(WebSocketError.ConnectionClosedPrematurely, "The socket closed before the answer."));
            }
        }
    }

    private async Task DispatchAsync(string text)
    {
        var frame = JsonDocument.Parse(text).RootElement.Clone();
        var type = frame[0].GetInt32();
        var id = frame[1].GetString()!;
        if (type == 2)
        {
            var call = new OcppIncomingCall(id, frame[2].GetString()!, frame[3]);
            ReceivedCalls.Enqueue((call.Action, call.Payload));
            IncomingCalls.Enqueue(call);
            await _incoming.Writer.WriteAsync(call);
            var answer = AnswerCall?.Invoke(call)
                ?? (OnCall?.Invoke(call.Action, call.Payload) is { } response ? OcppCallAnswer.Result(response) : OcppCallAnswer.Later);
            if (answer.FrameFor(id) is { } reply)
            {
                await SendRawAsync(reply);
            }

            return;
        }

        if (_waiting.TryRemove(id, out var waiter))
        {
            waiter.TrySetResult(frame);
        }
        else
        {
            await _unsolicited.Writer.WriteAsync(text);
        }
    }
}
