using CsmsCluster.Grains.Tests.Grains;
using CsmsCluster.Grains.Tests.Infrastructure;

namespace CsmsCluster.Grains.Tests;

/// <summary>G4: deadlines, propagation and at-most-once.</summary>
public sealed class DeadlineTests
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Call_DeadlinePassesWhileRunning_TimesOutAndRanExactlyOnce()
    {
        await using var silo = await TestSilo.StartAsync();
        var key = GrainIds.NewKey("turn");
        var grain = silo.Factory.GetGrain<ITurnGrain>(key);
        var call = grain.BlockAsync("gate-" + key);
        await Eventually.WaitAsync(() => silo.Probe.Count("block-started:" + key) == 1, TestSilo.Guard, "the call to start");

        silo.Time.Advance(CallTimeout);

        var exception = await Assert.ThrowsAsync<GrainCallTimeoutException>(() => call.WaitAsync(TestSilo.Guard, TestContext.Current.CancellationToken));
        Assert.Contains("its outcome is unknown", exception.Message, StringComparison.Ordinal);
        silo.Probe.Open("gate-" + key);
        await grain.TouchAsync(); // Runs after the timed-out call finished: a retry would have run before it.
        Assert.Equal(1, silo.Probe.Count("block-started:" + key));
        Assert.Equal(1, silo.Probe.Count("block-finished:" + key));
    }

    [Fact]
    public async Task Call_DeadlinePassesWhileQueued_IsDroppedWithoutRunning()
    {
        await using var silo = await TestSilo.StartAsync();
        var key = GrainIds.NewKey("turn");
        var grain = silo.Factory.GetGrain<ITurnGrain>(key);
        var first = grain.BlockAsync("gate-" + key);
        await Eventually.WaitAsync(() => silo.Probe.Count("block-started:" + key) == 1, TestSilo.Guard, "the first call to start");
        var queued = grain.TouchAsync().AsTask();

        silo.Time.Advance(CallTimeout);

        await Assert.ThrowsAsync<GrainCallTimeoutException>(() => queued.WaitAsync(TestSilo.Guard, TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<GrainCallTimeoutException>(() => first.WaitAsync(TestSilo.Guard, TestContext.Current.CancellationToken));
        silo.Probe.Open("gate-" + key);
        Assert.Equal(42, await grain.AddAsync(40, 2)); // The mailbox drained past the dropped call.
        Assert.Equal(0, silo.Probe.Count("touch:" + key));
    }

    [Fact]
    public async Task Call_FromOutsideAGrain_GetsDefaultDeadline()
    {
        await using var silo = await TestSilo.StartAsync();
        var now = silo.Time.GetUtcNow();

        var deadline = await silo.Factory.GetGrain<ITurnGrain>(GrainIds.NewKey("turn")).GetDeadlineAsync();

        Assert.Equal(now + CallTimeout, deadline);
    }

    [Fact]
    public async Task Call_FromAGrain_InheritsItsSmallerRemainingDeadline()
    {
        await using var silo = await TestSilo.StartAsync();
        var key = GrainIds.NewKey("chain");
        var start = silo.Time.GetUtcNow();
        var call = silo.Factory.GetGrain<IChainGrain>(key).GetCalleeDeadlineAsync(GrainIds.NewKey("callee"), "gate-" + key);
        await Eventually.WaitAsync(() => silo.Probe.Count("callee-deadline-started:" + key) == 1, TestSilo.Guard, "the outer call to start");

        silo.Time.Advance(TimeSpan.FromSeconds(10));
        silo.Probe.Open("gate-" + key);

        Assert.Equal(start + CallTimeout, await call.WaitAsync(TestSilo.Guard, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task CancellationTokenParameter_DeadlinePasses_IsCancelledAndIsTheContextToken()
    {
        await using var silo = await TestSilo.StartAsync();
        var key = GrainIds.NewKey("turn");
        var call = silo.Factory.GetGrain<ITurnGrain>(key).WaitForCancellationAsync(CancellationToken.None);
        await Eventually.WaitAsync(() => silo.Probe.Count("wait-started:" + key) == 1, TestSilo.Guard, "the call to start");

        silo.Time.Advance(CallTimeout);

        await Assert.ThrowsAsync<GrainCallTimeoutException>(() => call.WaitAsync(TestSilo.Guard, TestContext.Current.CancellationToken));
        await Eventually.WaitAsync(() => silo.Probe.Events.Contains($"cancelled:{key}:True"), TestSilo.Guard, "the grain to see its token cancelled");
    }

    [Fact]
    public async Task CancellationTokenParameter_CallerCancels_CallerSeesCancellationAndGrainTokenIsCancelled()
    {
        await using var silo = await TestSilo.StartAsync();
        var key = GrainIds.NewKey("turn");
        using var caller = new CancellationTokenSource();
        var call = silo.Factory.GetGrain<ITurnGrain>(key).WaitForCancellationAsync(caller.Token);
        await Eventually.WaitAsync(() => silo.Probe.Count("wait-started:" + key) == 1, TestSilo.Guard, "the call to start");

        await caller.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TestSilo.Guard, TestContext.Current.CancellationToken));
        await Eventually.WaitAsync(() => silo.Probe.Events.Contains($"cancelled:{key}:True"), TestSilo.Guard, "the grain to see its token cancelled");
    }
}
