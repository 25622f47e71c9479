using CsmsCluster.Grains.Tests.Grains;
using CsmsCluster.Grains.Tests.Infrastructure;

namespace CsmsCluster.Grains.Tests;

/// <summary>Graceful stop and fencing.</summary>
public sealed class ShutdownTests
{
    [Fact]
    public async Task Stop_ActivationsWithUnsavedState_DeactivateWithShuttingDownAndWrite()
    {
        await using var silo = await TestSilo.StartAsync();
        var keys = Enumerable.Range(0, 5).Select(_ => GrainIds.NewKey("state")).ToArray();
        foreach (var (key, i) in keys.Select((k, i) => (k, i)))
        {
            await silo.Factory.GetGrain<IStateGrain>(key).SetInMemoryAsync(100 + i);
        }

        await silo.StopAsync();

        foreach (var (key, i) in keys.Select((k, i) => (k, i)))
        {
            var record = silo.Storage.Read(new GrainId("test-state", key))!;
            Assert.Equal($$"""{"Value":{{100 + i}}}""", System.Text.Encoding.UTF8.GetString(record.Payload!));
            Assert.Contains($"deactivate:{key}:ShuttingDown", silo.Probe.Events);
        }

        Assert.Equal(0, silo.Runtime.ActivationCount);
        Assert.Equal(GrainRuntimeStatus.Stopped, silo.Runtime.Status);
        await Assert.ThrowsAsync<GrainUnavailableException>(() => silo.Factory.GetGrain<IStateGrain>(keys[0]).GetAsync());
    }

    [Fact]
    public async Task Stop_DeactivationHangs_IsBoundedByTimeoutAndFences()
    {
        await using var silo = await TestSilo.StartAsync(o => o.ShutdownDeactivationTimeout = TimeSpan.FromSeconds(5));
        var key = GrainIds.NewKey("turn");
        var grainId = new GrainId("test-turn", key);
        var running = silo.Factory.GetGrain<ITurnGrain>(key).BlockAsync("gate-" + key);
        await Eventually.WaitAsync(() => silo.Probe.Count("block-started:" + key) == 1, TestSilo.Guard, "the call to start");

        var stop = silo.StopAsync();
        silo.Time.Advance(TimeSpan.FromSeconds(5));
        await stop.WaitAsync(TestSilo.Guard, TestContext.Current.CancellationToken);

        Assert.Equal(DeactivationReason.Fenced, Assert.Single(silo.Log.EndedFor(grainId)).Reason);
        Assert.Equal(0, silo.Runtime.ActivationCount);
        silo.Probe.Open("gate-" + key);
        await running.WaitAsync(TestSilo.Guard, TestContext.Current.CancellationToken); // A turn cannot be aborted, only finish.
        Assert.Equal(1, silo.Probe.Count("block-finished:" + key));
    }

    [Fact]
    public async Task FenceAll_LiveActivations_DropsWithoutDeactivatingAndRefusesCalls()
    {
        await using var silo = await TestSilo.StartAsync();
        var key = GrainIds.NewKey("state");
        var grainId = new GrainId("test-state", key);
        var grain = silo.Factory.GetGrain<IStateGrain>(key);
        await grain.SetAsync(1);

        var dropped = silo.Runtime.FenceAll();

        Assert.Equal(1, dropped);
        Assert.Equal(DeactivationReason.Fenced, Assert.Single(silo.Log.EndedFor(grainId)).Reason);
        Assert.Equal([$"activate:{key}:0"], silo.Probe.Events);
        var exception = await Assert.ThrowsAsync<GrainUnavailableException>(() => grain.GetAsync());
        Assert.Equal($"test-state/{key} is unavailable: the grain runtime of this silo is stopped.", exception.Message);
        Assert.Equal(2, silo.Storage.Read(grainId)!.Version);
    }

    [Fact]
    public async Task StopAcceptingCalls_Then_CallsFailUnavailable()
    {
        await using var silo = await TestSilo.StartAsync();

        silo.Runtime.StopAcceptingCalls();

        await Assert.ThrowsAsync<GrainUnavailableException>(() => silo.Factory.GetGrain<ITurnGrain>(GrainIds.NewKey("turn")).AddAsync(1, 2).AsTask());
    }
}
