using CsmsCluster.Grains.Tests.Grains;
using CsmsCluster.Grains.Tests.Infrastructure;

namespace CsmsCluster.Grains.Tests;

/// <summary>Timers are turns: they never overlap a call or themselves, and run on the injected clock.</summary>
public sealed class TimerTests
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task TimerTick_DueWhileCallRuns_WaitsForTheCall()
    {
        await using var silo = await TestSilo.StartAsync();
        var key = GrainIds.NewKey("timer");
        var grain = silo.Factory.GetGrain<ITimerGrain>(key);
        await grain.StartTimerAsync(Period, Period, tickGate: "");
        var call = grain.BlockAsync("gate-" + key);
        await Eventually.WaitAsync(() => silo.Probe.Count("block-started:" + key) == 1, TestSilo.Guard, "the call to start");

        silo.Time.Advance(Period); // The tick is queued now, behind the running call.

        Assert.Equal(0, silo.Probe.Count("ticks-started:" + key));
        silo.Probe.Open("gate-" + key);
        await call.WaitAsync(TestSilo.Guard, TestContext.Current.CancellationToken);
        await Eventually.WaitAsync(() => silo.Probe.Count("ticks-finished:" + key) == 1, TestSilo.Guard, "the tick to run after the call");
        Assert.Equal(1, silo.Probe.Tracker("turns:" + key).MaxInside);
    }

    [Fact]
    public async Task TimerTick_CallbackStillRunning_NextTickIsNotScheduled()
    {
        await using var silo = await TestSilo.StartAsync();
        var key = GrainIds.NewKey("timer");
        var grain = silo.Factory.GetGrain<ITimerGrain>(key);
        await grain.StartTimerAsync(Period, Period, tickGate: "tick-" + key);
        silo.Time.Advance(Period);
        await Eventually.WaitAsync(() => silo.Probe.Count("ticks-started:" + key) == 1, TestSilo.Guard, "the first tick to start");

        silo.Time.Advance(Period * 5);

        Assert.Equal(1, silo.Probe.Count("ticks-started:" + key));
        silo.Probe.Open("tick-" + key);
        await Eventually.WaitAsync(() => silo.Probe.Count("ticks-finished:" + key) == 1, TestSilo.Guard, "the first tick to finish");
        silo.Time.Advance(Period - TimeSpan.FromTicks(1));
        Assert.Equal(1, silo.Probe.Count("ticks-started:" + key));
        silo.Time.Advance(TimeSpan.FromTicks(1)); // One period after the callback finished.
        await Eventually.WaitAsync(() => silo.Probe.Count("ticks-finished:" + key) == 2, TestSilo.Guard, "the second tick");
        Assert.Equal(1, silo.Probe.Tracker("turns:" + key).MaxInside);
    }

    [Fact]
    public async Task Timer_GrainDeactivated_IsDisposed()
    {
        await using var silo = await TestSilo.StartAsync(o => o.IdleDeactivationAge = TimeSpan.FromMinutes(1));
        var key = GrainIds.NewKey("timer");
        var grainId = new GrainId("test-timer", key);
        await silo.Factory.GetGrain<ITimerGrain>(key).StartTimerAsync(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5), tickGate: "");

        silo.Time.Advance(TimeSpan.FromMinutes(1.5)); // Two sweeps; the second finds the grain idle.
        await Eventually.WaitAsync(() => silo.Log.EndedFor(grainId).Count == 1, TestSilo.Guard, "the idle deactivation");
        silo.Time.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(0, silo.Probe.Count("ticks-started:" + key));
        Assert.Single(silo.Log.StartedFor(grainId));
    }
}
