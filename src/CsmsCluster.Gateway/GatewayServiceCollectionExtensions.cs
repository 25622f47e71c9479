using CsmsCluster.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

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
            .ValidateOnStart();
        services.AddSingleton<GatewayNode>();
        services.AddSingleton<ChargerSessionRegistry>();
        services.AddSingleton<InboundMessageHandler>();
        services.AddSingleton<ChargerSessionRunner>();
        services.AddSingleton<OcppConnectionHandler>();
        services.AddSingleton<IChargerGateway, LocalChargerGateway>();
        services.AddHostedService<GatewayShutdownService>();
        return services;
    }

    /// <summary>Maps <c>/ocpp/{chargePointId}</c>. Call <c>UseWebSockets()</c> before.</summary>
    public static IEndpointConventionBuilder MapOcppGateway(this IEndpointRouteBuilder endpoints) =>
        endpoints.Map(
            "/ocpp/{chargePointId}",
            (HttpContext context, string chargePointId, OcppConnectionHandler handler) => handler.HandleAsync(context, chargePointId))
            .ExcludeFromDescription();
}
