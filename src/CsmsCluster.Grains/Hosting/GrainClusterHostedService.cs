using CsmsCluster.Grains.Cluster;
using CsmsCluster.Grains.Transport;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CsmsCluster.Grains.Hosting;

/// <summary>
/// Starts the internal port, then joins the cluster (so peers can probe this node as soon as it is in the table);
/// on stop leaves gracefully: ShuttingDown, every activation deactivates and writes its state, Dead, then the
/// internal port closes. A node that fences itself stops the process when <see cref="ClusterMembershipOptions.ExitOnFence"/>.
/// </summary>
internal sealed class GrainClusterHostedService(
    SiloMembershipAgent agent,
    RendezvousPlacement placement,
    ClusterTransportServer server,
    GrainRuntime runtime,
    IHostApplicationLifetime lifetime,
    IOptions<ClusterMembershipOptions> options,
    TimeProvider timeProvider) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await server.StartAsync(agent.SiloId, cancellationToken);
        agent.UsePort(server.Port);
        agent.Subscribe(placement);
        placement.UseRefresh(agent.RefreshNowAsync);
        if (ClusterRoles.HostsGrains(settings.Role))
        {
            // Moving grains must finish well inside the lease: the acknowledgement waits for them.
            var rebalancer = new ActivationRebalancer(runtime, placement, settings.LeaseDuration / 2, timeProvider);
            agent.BeforeAcknowledge(rebalancer.OnViewAdoptedAsync);
        }

        await agent.StartAsync(cancellationToken);
        if (settings.ExitOnFence)
        {
            agent.Fenced.Register(lifetime.StopApplication);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await agent.LeaveAsync(runtime.StopAsync, cancellationToken);
        }
        finally
        {
            await server.StopAsync(cancellationToken);
            await agent.DisposeAsync();
        }
    }
}
