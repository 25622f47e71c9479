using CsmsCluster.Contracts;
using CsmsCluster.Grains.Cluster;
using CsmsCluster.Grains.Transport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CsmsCluster.Gateway;

/// <summary>DI and endpoint wiring of the OCPP gateway.</summary>
public static class GatewayServiceCollectionExtensions
{
    /// <summary>
    /// Registers the gateway: sessions, the inbound pipeline and <see cref="IChargerGateway"/> for sockets held by
    /// this node. Register it after the grain runtime, so that on shutdown sockets close before grains deactivate.
    /// </summary>
    public static IServiceCollection AddOcppGateway(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OcppGatewayOptions>()
            .Bind(configuration.GetSection(OcppGatewayOptions.Section))
            .Validate(o => o.MaxFrameBytes >= 1024, "Csms:Ocpp:MaxFrameBytes must be at least 1024.")
            .Validate(o => o.PingInterval > TimeSpan.Zero && o.PongTimeout > TimeSpan.Zero, "Csms:Ocpp:PingInterval and PongTimeout must be positive.")
            .Validate(o => o.MaxConnections >= 1, "Csms:Ocpp:MaxConnections must be at least 1.")
            .Validate(o => o.MaxUpgradesPerSecond > 0 && o.UpgradeBurst >= 1, "Csms:Ocpp:MaxUpgradesPerSecond must be positive and UpgradeBurst at least 1.")
            .Validate(o => o.MaxMessagesPerSecond > 0 && o.MessageBurst >= 1, "Csms:Ocpp:MaxMessagesPerSecond must be positive and MessageBurst at least 1.")
            .Validate(o => o.FloodCloseFactor >= 1 && o.FloodCloseWindow > TimeSpan.Zero, "Csms:Ocpp:FloodCloseFactor must be at least 1 and FloodCloseWindow positive.")
            .Validate(o => o.UnansweredCallLimit >= 1, "Csms:Ocpp:UnansweredCallLimit must be at least 1.")
            .Validate(o => o.SaturatedInFlightCalls >= 1, "Csms:Ocpp:SaturatedInFlightCalls must be at least 1.")
            .Validate(o => o.RetryAfter >= TimeSpan.Zero && o.PendingBootInterval >= TimeSpan.Zero, "Csms:Ocpp:RetryAfter and PendingBootInterval must not be negative.")
            .Validate(o => o.MaxRetryAfter >= TimeSpan.FromSeconds(1), "Csms:Ocpp:MaxRetryAfter must be at least 1 second.")
            .Validate(o => o.ShutdownCloseSpread >= TimeSpan.Zero, "Csms:Ocpp:ShutdownCloseSpread must not be negative.")
            .ValidateOnStart();
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<GatewayMetrics>();
        services.AddSingleton<ConnectionAdmission>();
        services.AddSingleton<SessionEnvironment>();
        services.AddSingleton<GatewayNode>();
        services.AddOptions<ChargerCertificateOptions>().Bind(configuration.GetSection(ChargerCertificateOptions.Section));
        services.AddSingleton<ChargerCertificateValidator>();
        services.AddSingleton<ChargerSessionRegistry>();
        services.AddSingleton<InboundMessageHandler>();
        services.AddSingleton<ChargerSessionRunner>();
        services.AddSingleton<OcppConnectionHandler>();
        services.AddSingleton<IChargerGateway, LocalChargerGateway>();
        services.AddHostedService<GatewayShutdownService>();
        return services;
    }

    /// <summary>
    /// Makes the gateway a cluster node (after <c>AddGrainCluster</c> and <see cref="AddOcppGateway"/>): its node id
    /// is the node's silo id, and commands for sockets on other nodes travel over the internal port
    /// (<see cref="ClusterChargerGateway"/>).
    /// </summary>
    public static IServiceCollection AddOcppGatewayClustering(this IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Singleton(sp => new GatewayNode(sp.GetRequiredService<IOptions<ClusterMembershipOptions>>().Value.SiloId!)));
        services.TryAddSingleton<LocalChargerGateway>();
        services.TryAddSingleton<ClusterChargerGateway>();
        services.Replace(ServiceDescriptor.Singleton<IChargerGateway>(sp => sp.GetRequiredService<ClusterChargerGateway>()));
        services.AddSingleton<IClusterEndpoints>(sp => sp.GetRequiredService<ClusterChargerGateway>());
        return services;
    }

    /// <summary>Maps <c>/ocpp/{chargePointId}</c>. Call <c>UseWebSockets()</c> before.</summary>
    public static IEndpointConventionBuilder MapOcppGateway(this IEndpointRouteBuilder endpoints) =>
        endpoints.Map(
            "/ocpp/{chargePointId}",
            (HttpContext context, string chargePointId, OcppConnectionHandler handler) => handler.HandleAsync(context, chargePointId))
            .ExcludeFromDescription();
}
