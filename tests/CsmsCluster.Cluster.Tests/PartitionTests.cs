using CsmsCluster.Grains.Cluster;

namespace CsmsCluster.Cluster.Tests;

/// <summary>Network partitions between silos that still reach the database.</summary>
public sealed class PartitionTests
{
    [Fact]
    public async Task SymmetricPartition_OfTwoSilos_ExactlyOneSurvives_AndTakesOverTheOthersGrains()
    {
        await using var cluster = await TestCluster.CreateAsync();
        var a = await cluster.StartSiloAsync();
        var b = await cluster.StartSiloAsync();
        await Settled.ViewAsync([a, b], 2);
        var keys = Enumerable.Range(0, 200).Select(i => $"partition-{i}").ToList();
        foreach (var key in keys)
        {
            await a.Grains.GetGrain<ICounterGrain>(key).IncrementAsync();
        }

        a.Faults.Block(b.Id);
        b.Faults.Block(a.Id);
        await Eventually.WaitAsync(
            () => new[] { a, b }.Count(s => s.Agent.State == SiloAgentState.Fenced) == 1,
            TimeSpan.FromSeconds(10),
            "one of the two partitioned silos fenced");
        var survivor = a.Agent.State == SiloAgentState.Active ? a : b;
        var loser = survivor == a ? b : a;
        Assert.Equal(SiloAgentState.Active, survivor.Agent.State);
        Assert.Equal(a, survivor); // the one that started first
        Assert.Equal(0, loser.Runtime.ActivationCount);
        await Settled.ViewAsync([survivor], 1);

        // Every grain answers from the survivor with the state it had: nothing was written twice or lost.
        foreach (var key in keys)
        {
            var info = await survivor.Grains.GetGrain<ICounterGrain>(key).WhereAsync();
            Assert.Equal((survivor.Id, 1), (info.SiloId, info.Count));
        }
    }
}
