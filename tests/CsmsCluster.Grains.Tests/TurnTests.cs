using CsmsCluster.Grains.Tests.Grains;
using CsmsCluster.Grains.Tests.Infrastructure;

namespace CsmsCluster.Grains.Tests;

/// <summary>G3: turns of one activation never run in parallel.</summary>
public sealed class TurnTests
{
    [Fact]
    public async Task Calls_ManyConcurrentToOneGrain_RunOneAtATime()
    {
        await using var silo = await TestSilo.StartAsync();
        var key = GrainIds.NewKey("turn");
        var grain = silo.Factory.GetGrain<ITurnGrain>(key);

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => grain.WorkAsync(hops: 4))))
            .WaitAsync(TestSilo.Guard, TestContext.Current.CancellationToken);

        Assert.Equal(Enumerable.Range(1, 50), results.Order());
        Assert.Equal(1, silo.Probe.Tracker("calls:" + key).MaxInside);
        Assert.Equal(1, silo.Probe.Tracker("segments:" + key).MaxInside);
    }

    [Fact]
    public async Task AlwaysInterleave_WhileCallAwaits_RunsButNeverInParallel()
    {
        await using var silo = await TestSilo.StartAsync();
        var key = GrainIds.NewKey("turn");
        var grain = silo.Factory.GetGrain<ITurnGrain>(key);
        var blocked = grain.BlockAsync("gate-" + key);
        await Eventually.WaitAsync(() => silo.Probe.Count("block-started:" + key) == 1, TestSilo.Guard, "the blocking call to start");

        var interleaved = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => grain.InterleavedWorkAsync(hops: 4))))
            .WaitAsync(TestSilo.Guard, TestContext.Current.CancellationToken);

        Assert.Equal(Enumerable.Range(1, 20), interleaved.Order());
        Assert.False(blocked.IsCompleted);
        silo.Probe.Open("gate-" + key);
        await blocked.WaitAsync(TestSilo.Guard, TestContext.Current.CancellationToken);
        Assert.Equal(1, silo.Probe.Count("block-finished:" + key));
        Assert.Equal(1, silo.Probe.Tracker("segments:" + key).MaxInside);
    }

    [Fact]
    public async Task NonInterleavedCall_WhileCallAwaits_WaitsForIt()
    {
        await using var silo = await TestSilo.StartAsync();
        var key = GrainIds.NewKey("turn");
        var grain = silo.Factory.GetGrain<ITurnGrain>(key);
        var blocked = grain.BlockAsync("gate-" + key);
        await Eventually.WaitAsync(() => silo.Probe.Count("block-started:" + key) == 1, TestSilo.Guard, "the blocking call to start");

        var queued = grain.TouchAsync().AsTask();

        Assert.Equal(0, silo.Probe.Count("touch:" + key));
        silo.Probe.Open("gate-" + key);
        await queued.WaitAsync(TestSilo.Guard, TestContext.Current.CancellationToken);
        Assert.True(blocked.IsCompletedSuccessfully);
        Assert.Equal(1, silo.Probe.Count("touch:" + key));
    }
}
