using CsmsCluster.Grains.Cluster;
using Microsoft.Extensions.Logging.Abstractions;

namespace CsmsCluster.Grains.Tests.Cluster;

/// <summary>One silo's membership agent on a shared in-memory table, with its own manual clock, probe and fence.</summary>
internal sealed class TestClusterSilo : IAsyncDisposable
{
    public TestClusterSilo(IMembershipStore store, string siloId, Action<ClusterMembershipOptions>? configure = null)
    {
        var options = new ClusterMembershipOptions { SiloId = siloId, Address = "127.0.0.1", InternalPort = 11111 };
        configure?.Invoke(options);
        Options = options;
        Agent = new SiloMembershipAgent(store, Probe, Fence, Microsoft.Extensions.Options.Options.Create(options), Clock, NullLogger<SiloMembershipAgent>.Instance, Metrics);
        Metrics.Observe(Agent);
        Placement = new RendezvousPlacement(siloId);
        Agent.Subscribe(Placement);
    }

    public ManualTimeProvider Clock { get; } = new();

    public ClusterMetrics Metrics { get; } = new();

    public FakeSiloProbe Probe { get; } = new();

    public RecordingFence Fence { get; } = new();

    public ClusterMembershipOptions Options { get; }

    public SiloMembershipAgent Agent { get; }

    public RendezvousPlacement Placement { get; }

    public string Id => Agent.SiloId;

    public static async Task<TestClusterSilo> StartAsync(IMembershipStore store, string siloId, Action<ClusterMembershipOptions>? configure = null)
    {
        var silo = new TestClusterSilo(store, siloId, configure);
        await silo.Agent.StartAsync(TestContext.Current.CancellationToken);
        return silo;
    }

    public async Task ProbeRoundsAsync(int rounds)
    {
        for (var i = 0; i < rounds; i++)
        {
            await Agent.ProbeRoundAsync(TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Agent.DisposeAsync();
        Metrics.Dispose();
    }
}
