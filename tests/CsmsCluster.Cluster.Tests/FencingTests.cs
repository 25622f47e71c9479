using CsmsCluster.Grains;
using CsmsCluster.Grains.Cluster;
using CsmsCluster.Persistence;

namespace CsmsCluster.Cluster.Tests;

/// <summary>G2 (a stale activation's write is never accepted) and fencing when the database goes away.</summary>
public sealed class FencingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PausedSilo_WakesAfterItsGrainMoved_ItsLateWriteIsRejected_AndOnlyTheNewOwnersWritesCount()
    {
        await using var cluster = await TestCluster.CreateAsync();
        var a = await cluster.StartSiloAsync();
        var b = await cluster.StartSiloAsync();
        await Settled.ViewAsync([a, b], 2);
        var key = Enumerable.Range(0, 100).Select(i => $"paused-{i}").First(k => a.Placement.Owner(new GrainId("counter", k))!.SiloId == b.Id);
        var grain = a.Grains.GetGrain<ICounterGrain>(key);
        Assert.Equal(1, await grain.IncrementAsync());

        // A turn on b waits inside the grain; then b "pauses" (no heartbeats, no fencing) and a stops reaching it.
        var gate = $"gate-{Guid.NewGuid():N}";
        var zombieCall = grain.IncrementAfterAsync(gate);
        await Eventually.WaitAsync(() => TestGates.IsWaiting(gate), TimeSpan.FromSeconds(10), "the turn on b waiting at its gate");
        b.Faults.Paused = true;
        a.Faults.Block(b.Id);
        await Eventually.WaitAsync(() => a.Agent.Current is { IsSettled: true, Hosts.Count: 1 }, TimeSpan.FromSeconds(10), "a alone in its view after b's lease expired");

        // The grain activates on a, claiming its state row, and writes.
        Assert.Equal(2, await grain.IncrementAsync());
        Assert.Equal(a.Id, (await grain.WhereAsync()).SiloId);

        // b wakes up inside the old turn and writes with the version it holds: rejected.
        TestGates.Open(gate);
        var zombie = await Record.ExceptionAsync(() => zombieCall);
        Assert.IsType<InconsistentStateException>(zombie);
        Assert.Equal(3, await grain.IncrementAsync()); // a's activation never saw b's write: 2 + 1
        Assert.Equal(3, (await grain.WhereAsync()).Count);
        b.Faults.Paused = false; // let the stopped process's pending membership calls end so it can be disposed
    }

    [Theory]
    [InlineData(StorageOptions.SqliteProvider)]
    [InlineData(StorageOptions.PostgresProvider)]
    public async Task DatabaseOutage_EverySiloFences_FreshSilosRecover_AndEveryAcknowledgedWriteIsKept(string provider)
    {
        await using var cluster = await TestCluster.CreateAsync(provider);
        var silos = new[] { await cluster.StartSiloAsync(), await cluster.StartSiloAsync(), await cluster.StartSiloAsync() };
        await Settled.ViewAsync(silos, 3);
        var keys = Enumerable.Range(0, 100).Select(i => $"outage-{i}").ToList();
        var acknowledged = keys.ToDictionary(k => k, _ => 0);
        foreach (var key in keys)
        {
            acknowledged[key] = await silos[0].Grains.GetGrain<ICounterGrain>(key).IncrementAsync();
        }

        foreach (var silo in silos)
        {
            silo.Faults.DatabaseUnreachable = true;
        }

        // Calls during the outage either fail or were committed; none is reported done and then lost.
        var failed = 0;
        using var outage = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        while (!outage.IsCancellationRequested)
        {
            foreach (var key in keys.Take(20))
            {
                try
                {
                    acknowledged[key] = await silos[1].Grains.GetGrain<ICounterGrain>(key).IncrementAsync();
                }
                catch (Exception exception) when (exception is not OutOfMemoryException)
                {
                    failed++;
                }
            }
        }

        await Eventually.WaitAsync(() => silos.All(s => s.Agent.State == SiloAgentState.Fenced), TimeSpan.FromSeconds(5), "every silo fenced within its lease");
        Assert.All(silos, s => Assert.Equal(0, s.Runtime.ActivationCount));
        Assert.True(failed > 0, "calls during the outage must fail");

        // The database is back; fresh silos join (declaring the old ones dead) and serve every grain.
        foreach (var silo in silos)
        {
            silo.Faults.DatabaseUnreachable = false;
        }

        var fresh = new[] { await cluster.StartSiloAsync(), await cluster.StartSiloAsync() };
        await Settled.ViewAsync(fresh, 2);
        foreach (var key in keys)
        {
            Assert.Equal(acknowledged[key], (await fresh[0].Grains.GetGrain<ICounterGrain>(key).WhereAsync()).Count);
        }
    }
}
