using CsmsCluster.Grains;
using CsmsCluster.Grains.Cluster;

namespace CsmsCluster.Cluster.Tests;

/// <summary>
/// One silo of three cut off from both peers (probes and calls fail both ways) while every silo still reaches the
/// database: the cut-off silo is declared dead and fences itself, the two that still see each other survive, and no
/// two activations of a key overlap.
/// </summary>
public sealed class PeerPartitionTests
{
    [Fact]
    public async Task YoungestSiloCutOffFromItsPeers_IsDeclaredDeadAndFences_TheOtherTwoSurvive()
    {
        await using var cluster = await TestCluster.CreateAsync();
        var silos = await StartThreeAsync(cluster);
        await AssertCutOffSiloLosesAsync(cluster, silos, silos[2], secondPeerNoticesAfter: TimeSpan.Zero);
    }

    /// <summary>
    /// The silo that started first, cut off, with one peer noticing a little later than the other (probe rounds are
    /// not in step). It ranks first should two silos suspect each other; that tie-break must not let it, alone
    /// against two, declare the majority dead.
    /// </summary>
    [Fact]
    public async Task OldestSiloCutOffFromItsPeers_OnePeerNoticesLater_IsStillTheOneDeclaredDead()
    {
        await using var cluster = await TestCluster.CreateAsync();
        var silos = await StartThreeAsync(cluster);
        await AssertCutOffSiloLosesAsync(cluster, silos, silos[0], secondPeerNoticesAfter: TimeSpan.FromSeconds(2));
    }

    private static async Task<TestSilo[]> StartThreeAsync(TestCluster cluster)
    {
        var silos = new[] { await cluster.StartSiloAsync(), await cluster.StartSiloAsync(), await cluster.StartSiloAsync() };
        await Settled.ViewAsync(silos, 3);
        return silos;
    }

    private static async Task AssertCutOffSiloLosesAsync(TestCluster cluster, TestSilo[] silos, TestSilo isolated, TimeSpan secondPeerNoticesAfter)
    {
        var keys = Enumerable.Range(0, 300).Select(i => $"cut-off-{isolated.Id}-{i}").ToList();
        await Task.WhenAll(keys.Select(k => silos[0].Grains.GetGrain<ICounterGrain>(k).IncrementAsync()));
        Assert.Contains(keys, k => isolated.Placement.Owner(new GrainId("counter", k))?.SiloId == isolated.Id);
        var majority = silos.Where(s => s != isolated).ToArray();

        isolated.Faults.Block(majority[0].Id);
        isolated.Faults.Block(majority[1].Id);
        majority[0].Faults.Block(isolated.Id);
        await Task.Delay(secondPeerNoticesAfter, TestContext.Current.CancellationToken);
        majority[1].Faults.Block(isolated.Id);

        try
        {
            await Eventually.WaitAsync(
                () => isolated.Agent.State == SiloAgentState.Fenced && majority.All(s => s.Agent.Current is { IsSettled: true, Hosts.Count: 2 }),
                TimeSpan.FromSeconds(10),
                "the cut-off silo fenced and the other two in a settled view of both of them");
        }
        catch (TimeoutException timeout)
        {
            var states = silos.Select(s => $"{s.Id}{(s == isolated ? " (cut off)" : string.Empty)}: {s.Agent.State}, view of {s.Agent.Current?.Hosts.Count ?? 0}");
            throw new TimeoutException($"{timeout.Message}; {string.Join("; ", states)}", timeout);
        }

        Assert.All(majority, s => Assert.Equal(SiloAgentState.Active, s.Agent.State));
        Assert.Equal(0, isolated.Runtime.ActivationCount);

        // Every grain answers from the two survivors with the one increment it had; no two activations of a key overlapped.
        var answers = await Task.WhenAll(keys.Select(k => majority[0].Grains.GetGrain<ICounterGrain>(k).WhereAsync()));
        Assert.All(answers, a => Assert.Contains(a.SiloId, majority.Select(s => s.Id)));
        Assert.All(answers, a => Assert.Equal(1, a.Count));
        var overlaps = cluster.Activations.Overlaps();
        Assert.True(overlaps.Count == 0, $"{overlaps.Count} overlapping activations, e.g. {string.Join("; ", overlaps.Take(3))}");
    }
}
