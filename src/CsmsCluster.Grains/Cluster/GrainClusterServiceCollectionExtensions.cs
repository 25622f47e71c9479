using System.Diagnostics.Metrics;
using CsmsCluster.Grains.Hosting;
using CsmsCluster.Grains.Transport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CsmsCluster.Grains.Cluster;

/// <summary>DI wiring that turns the single-silo runtime into a cluster node.</summary>
public static class GrainClusterServiceCollectionExtensions
{
    /// <summary>
    /// Makes this node a cluster member: membership agent, rendezvous placement (also the activation gate), the
    /// HTTP/2 transport and its internal port, the real probe, fencing of the runtime, and a hosted service that joins
    /// on start and leaves on stop. Call after <see cref="GrainRuntimeServiceCollectionExtensions.AddGrainRuntime"/>
    /// (so the node leaves before the runtime's own stop) and register an <see cref="IMembershipStore"/>.
    /// A node whose role is <see cref="ClusterRoles.Gateway"/> joins as a client: it hosts no grains.
    /// </summary>
    public static IServiceCollection AddGrainCluster(this IServiceCollection services, Action<ClusterMembershipOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<ClusterMembershipOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.PostConfigure(o => o.SiloId ??= $"{Environment.MachineName.ToLowerInvariant()}-{Guid.NewGuid():N}");
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClusterMembershipOptions>, ClusterMembershipOptionsValidator>());
        options.ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new RendezvousPlacement(sp.GetRequiredService<IOptions<ClusterMembershipOptions>>().Value.SiloId!));
        services.Replace(ServiceDescriptor.Singleton<IGrainPlacement>(sp => sp.GetRequiredService<RendezvousPlacement>()));
        services.Replace(ServiceDescriptor.Singleton<IActivationGate>(sp => sp.GetRequiredService<RendezvousPlacement>()));
        services.AddSingleton(sp => new GrainTransportClient(
            sp.GetRequiredService<RendezvousPlacement>(),
            sp.GetRequiredService<GrainSerializer>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<ClusterMembershipOptions>>().Value.SiloId!));
        services.Replace(ServiceDescriptor.Singleton<IRemoteGrainCallInvoker>(sp => sp.GetRequiredService<GrainTransportClient>()));
        services.TryAddSingleton<ISiloProbe, SiloProbe>();
        services.TryAddSingleton<ISiloFence>(sp => new GrainRuntimeSiloFence(sp.GetRequiredService<GrainRuntime>()));
        services.TryAddSingleton(sp => new ClusterMetrics(sp.GetService<IMeterFactory>()));
        services.TryAddSingleton(sp =>
        {
            var metrics = sp.GetRequiredService<ClusterMetrics>();
            var agent = new SiloMembershipAgent(
                sp.GetRequiredService<IMembershipStore>(),
                sp.GetRequiredService<ISiloProbe>(),
                sp.GetRequiredService<ISiloFence>(),
                sp.GetRequiredService<IOptions<ClusterMembershipOptions>>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<SiloMembershipAgent>>(),
                metrics);
            metrics.Observe(agent);
            return agent;
        });
        services.TryAddSingleton(sp => new GrainTransportReceiver(
            sp.GetRequiredService<GrainRuntime>(),
            sp.GetRequiredService<IGrainPlacement>(),
            sp.GetService<IActivationGate>(),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<ClusterTransportServer>();
        services.AddHostedService<GrainClusterHostedService>();
        return services;
    }
}
