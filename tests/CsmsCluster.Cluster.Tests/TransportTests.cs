using CsmsCluster.Grains;

namespace CsmsCluster.Cluster.Tests;

public sealed class TransportTests
{
    [Fact]
    public async Task Calls_from_either_silo_reach_the_one_activation_of_each_grain()
    {
        await using var cluster = await TestCluster.CreateAsync();
        var a = await cluster.StartSiloAsync();
        var b = await cluster.StartSiloAsync();
        await Eventually.WaitAsync(() => a.Agent.Current is { Hosts.Count: 2, IsSettled: true } && b.Agent.Current is { Hosts.Count: 2, IsSettled: true }, TimeSpan.FromSeconds(10), "both silos in a settled view");

        var silosSeen = new HashSet<string>();
        for (var i = 0; i < 20; i++)
        {
            var key = $"k{i}";
            var fromA = await a.Grains.GetGrain<ICounterGrain>(key).IncrementAsync();
            var fromB = await b.Grains.GetGrain<ICounterGrain>(key).IncrementAsync();
            Assert.Equal((1, 2), (fromA, fromB));
            var whereA = await a.Grains.GetGrain<ICounterGrain>(key).WhereAsync();
            var whereB = await b.Grains.GetGrain<ICounterGrain>(key).WhereAsync();
            Assert.Equal(whereA, whereB);
            silosSeen.Add(whereA.SiloId);
        }

        Assert.Equal([a.Id, b.Id], silosSeen.Order());
    }

    [Fact]
    public async Task Arguments_results_and_errors_cross_the_wire()
    {
        await using var cluster = await TestCluster.CreateAsync();
        var a = await cluster.StartSiloAsync();
        var b = await cluster.StartSiloAsync();
        await Eventually.WaitAsync(() => a.Agent.Current is { Hosts.Count: 2, IsSettled: true } && b.Agent.Current is { Hosts.Count: 2, IsSettled: true }, TimeSpan.FromSeconds(10), "both silos in a settled view");
        var placement = a.Services.GetRequiredService<CsmsCluster.Grains.Cluster.RendezvousPlacement>();
        var remoteKey = Enumerable.Range(0, 100).Select(i => $"r{i}").First(k => placement.Owner(new GrainId("counter", k))!.SiloId == b.Id);
        var grain = a.Grains.GetGrain<ICounterGrain>(remoteKey);

        var reply = await grain.EchoAsync(new EchoRequest("héllo", [1, 2, 39]), TestContext.Current.CancellationToken);
        Assert.Equal(new EchoReply("héllo", 42), reply);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.FailAsync("boom"));
        Assert.Equal("boom", error.Message);
        Assert.Equal(b.Id, (await grain.WhereAsync()).SiloId);
    }
}
