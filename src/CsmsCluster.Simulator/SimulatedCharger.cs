using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;

namespace CsmsCluster.Simulator;

/// <summary>
/// One simulated OCPP 1.6J charger: connects, boots, keeps its timers on the fleet's wheel, answers the CSMS and
/// reconnects with jittered back-off. Its state is a few small objects; buffers are rented only while receiving.
/// </summary>
public sealed partial class SimulatedCharger : ITimerTarget
{
    private readonly Fleet _fleet;
    private readonly SimulatorOptions _options;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly SemaphoreSlim _callLock = new(1, 1);
    private ClientWebSocket? _socket;
    private int _epoch;
    private int _attempt;
    private volatile bool _dropRequested;
    private volatile bool _stopping;
    private TimeSpan _dropSpread;

    internal SimulatedCharger(Fleet fleet, int index)
    {
        _fleet = fleet;
        _options = fleet.Options;
        Index = index;
        Id = _options.ChargerId(index);
        Connectors = [.. Enumerable.Range(1, _options.ConnectorsPerCharger).Select(c => new ConnectorState(c))];
    }

    /// <summary>Position in the fleet.</summary>
    public int Index { get; }

    /// <summary>The charge point id.</summary>
    public string Id { get; }

    /// <summary>The connectors (index 0 is connector 1).</summary>
    public IReadOnlyList<ConnectorState> Connectors { get; }

    /// <summary>Whether the last BootNotification on the current connection was accepted.</summary>
    public bool BootAccepted { get; private set; }

    /// <summary>Whether a socket is open now.</summary>
    public bool IsConnected => _socket is not null;

    /// <summary>Connects and stays connected (reconnecting as needed) until <paramref name="stop"/>.</summary>
    internal async Task RunAsync(TimeSpan initialDelay, CancellationToken stop)
    {
        try
        {
            await _fleet.Wheel.DelayAsync(initialDelay).WaitAsync(stop);
            while (!stop.IsCancellationRequested && !_stopping)
            {
                var (socket, retryAfter) = await ConnectAsync(stop);
                if (socket is not null)
                {
                    await RunConnectionAsync(socket, stop);
                }

                if (stop.IsCancellationRequested || _stopping)
                {
                    break;
                }

                var delay = _dropRequested
                    ? TimeSpan.FromSeconds(Random.Shared.NextDouble() * _dropSpread.TotalSeconds)
                    : ReconnectBackoff.Delay(_attempt++, _options.ReconnectBase, _options.ReconnectCap, retryAfter, Random.Shared);
                _dropRequested = false;
                await _fleet.Wheel.DelayAsync(delay).WaitAsync(stop);
            }
        }
        catch (OperationCanceledException)
        {
            // The fleet stopped.
        }
    }

    private async Task<(ClientWebSocket? Socket, TimeSpan? RetryAfter)> ConnectAsync(CancellationToken stop)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("ocpp1.6");
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        socket.Options.CollectHttpResponseDetails = true;
        if (_options.Password is { } password)
        {
            var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Id}:{password}"));
            socket.Options.SetRequestHeader("Authorization", $"Basic {credentials}");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop);
        timeout.CancelAfter(_options.CallTimeout);
        try
        {
            await socket.ConnectAsync(new Uri(_options.ServerUrl, Uri.EscapeDataString(Id)), _fleet.Invokers.For(Index), timeout.Token);
            return (socket, null);
        }
        catch (Exception e) when (e is WebSocketException or HttpRequestException or OperationCanceledException or IOException)
        {
            var refused = socket.HttpStatusCode == HttpStatusCode.ServiceUnavailable;
            _fleet.Stats.ConnectFailed(refused);
            var retryAfter = RetryAfter(socket.HttpResponseHeaders);
            socket.Dispose();
            return (null, retryAfter);
        }
    }

    private static TimeSpan? RetryAfter(IReadOnlyDictionary<string, IEnumerable<string>>? headers)
    {
        if (headers is null || !headers.TryGetValue("Retry-After", out var values))
        {
            return null;
        }

        var value = values.FirstOrDefault();
        return RetryConditionHeaderValue.TryParse(value, out var parsed) && parsed.Delta is { } delta ? delta : null;
    }

    private async Task RunConnectionAsync(ClientWebSocket socket, CancellationToken stop)
    {
        BootAccepted = false;
        var epoch = Interlocked.Increment(ref _epoch);
        _socket = socket;
        _fleet.Stats.Opened();
        var receive = ReceiveLoopAsync(socket, stop);
        Fire(BootAsync(epoch));
        await receive;
        _socket = null;
        Interlocked.Increment(ref _epoch);
        FailPendingCall();
        _fleet.Stats.Closed(expected: stop.IsCancellationRequested || _stopping || _dropRequested);
        socket.Dispose();
    }

    /// <summary>Cuts the connection abruptly (as a network failure would); the next attempt starts within <paramref name="spread"/>.</summary>
    public void Drop(TimeSpan spread)
    {
        _dropSpread = spread;
        _dropRequested = true;
        _socket?.Abort();
    }

    /// <summary>Closes the connection with a normal close handshake and stops reconnecting.</summary>
    internal async Task CloseAsync()
    {
        _stopping = true;
        if (_socket is not { } socket)
        {
            return;
        }

        await _sendLock.WaitAsync();
        try
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "simulation ends", CancellationToken.None);
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or IOException or InvalidOperationException)
        {
            // Already closed.
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async void Fire(Task task)
    {
        try
        {
            await task;
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or IOException or OperationCanceledException)
        {
            // The connection ended under the operation; the reconnect path takes over.
        }
        catch (Exception e)
        {
            // A malformed answer or a simulator bug: keep the fleet running, remember it for the report.
            _fleet.ReportError(e);
        }
    }
}
