using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using CsmsCluster.Contracts;
using CsmsCluster.Ocpp;
using CsmsCluster.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CsmsCluster.Gateway.Tests;

public sealed class ChargerSessionTests : IAsyncLifetime
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);
    private static readonly byte[] ResetPayload = """{"type":"Soft"}"""u8.ToArray();

    private readonly ManualTimeProvider _time = new();
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private SocketPair _pair = null!;
    private ChargerSession _session = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _pair = await SocketPair.CreateAsync(Ct);
        var options = Options.Create(new OcppGatewayOptions { UnansweredCallLimit = 2 });
        var metrics = new GatewayMetrics(_services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
        var environment = new SessionEnvironment(options, _time, metrics, NullLogger<ChargerSession>.Instance);
        _session = new ChargerSession("CP-UNIT", new ChargerConnection("node", 1, "ocpp1.6"), OcppVersion.V16, _pair.Server, environment);
    }

    public async ValueTask DisposeAsync()
    {
        await _pair.DisposeAsync();
        await _services.DisposeAsync();
    }

    [Fact]
    public async Task TimedOutCall_FreesTheSlot_AndTheNextCallIsSent()
    {
        var first = _session.SendCallAsync("Reset", ResetPayload, CallTimeout, Ct);
        var firstId = await ReceiveCallIdAsync();
        _time.Advance(CallTimeout);
        Assert.Equal(CsmsCallStatus.Timeout, (await first.WaitAsync(TimeSpan.FromSeconds(10), Ct)).Status);

        var second = _session.SendCallAsync("Reset", ResetPayload, CallTimeout, Ct);
        var secondId = await ReceiveCallIdAsync();
        Assert.NotEqual(firstId, secondId);
        Assert.False(_session.TryCompletePending(firstId, new ChargerAnswer("{}"u8.ToArray(), null, null), out _), "a late answer to the timed-out call matches nothing");
        Assert.True(_session.TryCompletePending(secondId, new ChargerAnswer("""{"status":"Accepted"}"""u8.ToArray(), null, null), out var action));
        Assert.Equal("Reset", action);
        var outcome = await second.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal(CsmsCallStatus.Completed, outcome.Status);
        Assert.Equal(0, _session.UnansweredCalls);
    }

    [Fact]
    public async Task ConsecutiveUnansweredCalls_ReachingTheLimit_CloseTheSocketWith1008()
    {
        await TimeOutOneCallAsync();
        Assert.Equal(1, _session.UnansweredCalls);
        Assert.False(_session.Closed.IsCancellationRequested);

        await TimeOutOneCallAsync();
        Assert.True(_session.Closed.IsCancellationRequested, "the zombie session is marked closed");
        var close = await _pair.ReceiveAtChargerAsync(Ct);
        Assert.Equal(WebSocketMessageType.Close, close.Type);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, close.Status);
        Assert.Equal(CloseReasons.Zombie, _session.CloseReason);

        // The charger never completes the closing handshake: after the close timeout the socket is aborted.
        _time.Advance(new OcppGatewayOptions().CloseTimeout);
        Assert.Equal(WebSocketState.Aborted, _pair.Server.State);
    }

    [Fact]
    public async Task AnAnsweredCall_ResetsTheUnansweredCount()
    {
        await TimeOutOneCallAsync();
        var answered = _session.SendCallAsync("Reset", ResetPayload, CallTimeout, Ct);
        var id = await ReceiveCallIdAsync();
        _session.TryCompletePending(id, new ChargerAnswer(null, "InternalError", "busy"), out _);
        Assert.Equal(CsmsCallStatus.CallError, (await answered.WaitAsync(TimeSpan.FromSeconds(10), Ct)).Status);
        Assert.Equal(0, _session.UnansweredCalls);

        await TimeOutOneCallAsync();
        Assert.False(_session.Closed.IsCancellationRequested);
    }

    private async Task TimeOutOneCallAsync()
    {
        var call = _session.SendCallAsync("Reset", ResetPayload, CallTimeout, Ct);
        await ReceiveCallIdAsync();
        _time.Advance(CallTimeout);
        var outcome = await call.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal(CsmsCallStatus.Timeout, outcome.Status);
    }

    private async Task<string> ReceiveCallIdAsync()
    {
        var (type, text, _) = await _pair.ReceiveAtChargerAsync(Ct);
        Assert.Equal(WebSocketMessageType.Text, type);
        using var frame = JsonDocument.Parse(Encoding.UTF8.GetBytes(text));
        Assert.Equal(2, frame.RootElement[0].GetInt32());
        return frame.RootElement[1].GetString()!;
    }
}
