using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace CsmsCluster.Bench.SiteReallocation;

/// <summary>
/// A one-connector OCPP 1.6 charger on a raw <see cref="ClientWebSocket"/>: it sends CALLs and awaits their results,
/// answers every SetChargingProfile Accepted at once and records when each arrived (monotonic clock).
/// </summary>
public sealed class SimCharger : IAsyncDisposable
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(60);
    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonElement>> _calls = new(StringComparer.Ordinal);
    private readonly List<ProfileReceipt> _profiles = [];
    private readonly CancellationTokenSource _stop = new();
    private Task _receiving = Task.CompletedTask;
    private long _nextId;

    private SimCharger(string id) => Id = id;

    public string Id { get; }

    public int? TransactionId { get; private set; }

    /// <summary>The last TxProfile limit accepted (what the EV may draw).</summary>
    public double Commanded { get; private set; }

    /// <summary>Connects with subprotocol ocpp1.6 and sends BootNotification and an Available status.</summary>
    public static async Task<SimCharger> ConnectAsync(Uri ocppBase, string id)
    {
        var charger = new SimCharger(id);
        charger._socket.Options.AddSubProtocol("ocpp1.6");
        charger._socket.Options.KeepAliveInterval = TimeSpan.Zero;
        await charger._socket.ConnectAsync(new Uri(ocppBase, Uri.EscapeDataString(id)), CancellationToken.None);
        charger._receiving = Task.Run(charger.ReceiveLoopAsync);
        await charger.CallAsync("BootNotification", OcppFrames.Boot);
        await charger.CallAsync("StatusNotification", OcppFrames.Status("Available"));
        return charger;
    }

    /// <summary>Profiles received at or after <paramref name="since"/>.</summary>
    public List<ProfileReceipt> ProfilesSince(long since)
    {
        lock (_profiles)
        {
            return [.. _profiles.Where(p => p.At >= since)];
        }
    }

    /// <summary>True when a TxProfile arrived at or after <paramref name="since"/>.</summary>
    public bool HasTxProfileSince(long since)
    {
        lock (_profiles)
        {
            for (var i = _profiles.Count - 1; i >= 0 && _profiles[i].At >= since; i--)
            {
                if (_profiles[i].Purpose == "TxProfile")
                {
                    return true;
                }
            }
            return false;
        }
    }

    /// <summary>StartTransaction; returns the monotonic time taken just before the CALL was written.</summary>
    public async Task<long> StartAsync(string idTag)
    {
        var written = 0L;
        var answer = await CallAsync("StartTransaction", OcppFrames.Start(idTag), () => written = Stopwatch.GetTimestamp());
        TransactionId = answer.GetProperty("transactionId").GetInt32();
        return written;
    }

    public async Task StopAsync()
    {
        await CallAsync("StopTransaction", OcppFrames.Stop(TransactionId!.Value));
        TransactionId = null;
        Commanded = 0;
        await CallAsync("StatusNotification", OcppFrames.Status("Finishing"));
        await CallAsync("StatusNotification", OcppFrames.Status("Available"));
    }

    public Task<JsonElement> SendMeterAsync() => CallAsync("MeterValues", OcppFrames.Meter(TransactionId!.Value, Commanded));

    public async Task<JsonElement> CallAsync(string action, string payload, Action? beforeWrite = null)
    {
        var id = Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var pending = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _calls[id] = pending;
        await SendAsync($"[2,\"{id}\",\"{action}\",{payload}]", beforeWrite);
        return await pending.Task.WaitAsync(CallTimeout);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Abort();
        await _receiving.ContinueWith(_ => { }, TaskScheduler.Default);
        _socket.Dispose();
        _stop.Dispose();
        _sendLock.Dispose();
    }

    private async Task SendAsync(string frame, Action? beforeWrite = null)
    {
        var bytes = Encoding.UTF8.GetBytes(frame);
        await _sendLock.WaitAsync();
        try
        {
            beforeWrite?.Invoke();
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        while (!_stop.IsCancellationRequested && _socket.State == WebSocketState.Open)
        {
            buffer.ResetWrittenCount();
            ValueWebSocketReceiveResult result;
            do
            {
                result = await _socket.ReceiveAsync(buffer.GetMemory(4096), _stop.Token);
                buffer.Advance(result.Count);
            }
            while (!result.EndOfMessage);
            var at = Stopwatch.GetTimestamp();
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }
            await HandleAsync(buffer.WrittenMemory, at);
        }
    }

    private async Task HandleAsync(ReadOnlyMemory<byte> frame, long at)
    {
        using var document = JsonDocument.Parse(frame);
        var root = document.RootElement;
        var type = root[0].GetInt32();
        var id = root[1].GetString()!;
        if (type == 2)
        {
            var action = root[2].GetString()!;
            var answer = action switch
            {
                "SetChargingProfile" => Profile(root[3], at),
                "GetConfiguration" => "{}",
                _ => """{"status":"Accepted"}""",
            };
            await SendAsync($"[3,\"{id}\",{answer}]");
        }
        else if (_calls.TryRemove(id, out var pending))
        {
            if (type == 3)
            {
                pending.TrySetResult(root[2].Clone());
            }
            else
            {
                pending.TrySetException(new InvalidOperationException($"{Id}: CALLERROR {root.GetRawText()}"));
            }
        }
    }

    private string Profile(JsonElement payload, long at)
    {
        var profile = payload.GetProperty("csChargingProfiles");
        var purpose = profile.GetProperty("chargingProfilePurpose").GetString()!;
        var limit = profile.GetProperty("chargingSchedule").GetProperty("chargingSchedulePeriod")[0].GetProperty("limit").GetDouble();
        lock (_profiles)
        {
            _profiles.Add(new ProfileReceipt(at, purpose, limit));
        }
        if (purpose == "TxProfile")
        {
            Commanded = limit;
        }
        return """{"status":"Accepted"}""";
    }
}
