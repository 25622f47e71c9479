using CsmsCluster.Grains.Tests.Grains;
using CsmsCluster.Grains.Tests.Infrastructure;

namespace CsmsCluster.Grains.Tests;

/// <summary>One sweep timer deactivates activations that got no call for the idle age.</summary>
public sealed class IdleDeactivationTests
{
    private static readonly TimeSpan Age = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan Sweep = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task IdleSweep_BeforeAge_KeepsActivation()
    {
        await using var silo = await StartAsync();
        var key = GrainIds.NewKey("lifecycle");
        var grainId = new GrainId("test-lifecycle", key);
        await silo.Factory.GetGrain<ILifecycleGrain>(key).PingAsync();

        silo.Time.Advance(Age - Sweep); // Nine sweeps ran, synchronously, in Advance.

        Assert.False(silo.FindActivation(grainId)!.IsDeactivating);
        Assert.Empty(silo.Log.EndedFor(grainId));
    }

    [Fact]
    public async Task IdleSweep_AfterAge_DeactivatesWithReasonIdle()
    {
        await using var silo = await StartAsync();
        var key = GrainIds.NewKey("lifecycle");
        var grainId = new GrainId("test-lifecycle", key);
        await silo.Factory.GetGrain<ILifecycleGrain>(key).PingAsync();

        silo.Time.Advance(Age);

        await Eventually.WaitAsync(() => silo.Log.EndedFor(grainId).Count == 1, TestSilo.Guard, "the idle activation to be deactivated");
        Assert.Equal(DeactivationReason.Idle, silo.Log.EndedFor(grainId)[0].Reason);
        Assert.Equal([$"activate:{key}", $"ping:{key}", $"deactivate:{key}:Idle"], silo.Probe.Events);
        Assert.Null(silo.FindActivation(grainId));
    }

    [Fact]
    public async Task IdleSweep_CallWithinAge_RestartsTheAge()
    {
        await using var silo = await StartAsync();
        var key = GrainIds.NewKey("lifecycle");
        var grainId = new GrainId("test-lifecycle", key);
        var grain = silo.Factory.GetGrain<ILifecycleGrain>(key);
        await grain.PingAsync();

        silo.Time.Advance(Age - Sweep);
        await grain.PingAsync();
        silo.Time.Advance(Age - Sweep);

        Assert.False(silo.FindActivation(grainId)!.IsDeactivating);
        Assert.Single(silo.Log.StartedFor(grainId));
    }

    [Fact]
    public async Task IdleSweep_DeactivationDelayed_KeepsActivationUntilThePeriodEnds()
    {
        await using var silo = await StartAsync();
        var key = GrainIds.NewKey("lifecycle");
        var grainId = new GrainId("test-lifecycle", key);
        await silo.Factory.GetGrain<ILifecycleGrain>(key).KeepAliveAsync(Age * 3);

        silo.Time.Advance((Age * 3) - Sweep);
        Assert.False(silo.FindActivation(grainId)!.IsDeactivating);

        silo.Time.Advance(Sweep * 2);
        await Eventually.WaitAsync(() => silo.Log.EndedFor(grainId).Count == 1, TestSilo.Guard, "the activation to be deactivated once the delay ended");
        Assert.Equal(DeactivationReason.Idle, silo.Log.EndedFor(grainId)[0].Reason);
    }

    private static Task<TestSilo> StartAsync() => TestSilo.StartAsync(o =>
    {
        o.IdleDeactivationAge = Age;
        o.IdleSweepInterval = Sweep;
    });
}
