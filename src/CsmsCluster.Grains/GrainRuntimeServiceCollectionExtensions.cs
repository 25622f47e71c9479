using System.Text.Json.Serialization.Metadata;
using CsmsCluster.Grains.Hosting;
using CsmsCluster.Grains.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CsmsCluster.Grains;

/// <summary>DI wiring of the grain runtime.</summary>
public static class GrainRuntimeServiceCollectionExtensions
{
    /// <summary>
    /// Registers the grain runtime (<see cref="GrainRuntime"/>), <see cref="IGrainFactory"/>, the single-silo
    /// <see cref="IGrainPlacement"/>, <see cref="TimeProvider.System"/> unless a TimeProvider is registered, and a
    /// hosted service that starts the idle sweep and deactivates every activation gracefully on stop.
    /// Grain storage is not registered: add an <see cref="IGrainStorage"/> if any grain has state.
    /// </summary>
    public static IServiceCollection AddGrainRuntime(this IServiceCollection services, Action<GrainRuntimeOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<GrainRuntimeOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.Validate(
            o => o.MailboxCapacity > 0 && o.DefaultCallTimeout > TimeSpan.Zero && o.IdleDeactivationAge > TimeSpan.Zero
                 && o.IdleSweepInterval > TimeSpan.Zero && o.ShutdownDeactivationTimeout >= TimeSpan.Zero,
            "GrainRuntimeOptions: MailboxCapacity, DefaultCallTimeout, IdleDeactivationAge and IdleSweepInterval must be positive.");
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IGrainPlacement, LocalGrainPlacement>();
        services.TryAddSingleton(sp => new GrainSerializer(sp.GetServices<GrainJsonTypeInfoRegistration>()));
        services.TryAddSingleton(sp => new GrainRuntime(sp));
        services.TryAddSingleton(sp => sp.GetRequiredService<GrainRuntime>().GrainFactory);
        services.AddHostedService<GrainRuntimeHostedService>();
        return services;
    }

    /// <summary>
    /// Registers grain class <typeparamref name="TImplementation"/> (which needs <see cref="GrainTypeAttribute"/>) for
    /// <typeparamref name="TInterface"/>. Instances are created per activation with constructor injection.
    /// </summary>
    public static IServiceCollection AddGrain<TInterface, TImplementation>(this IServiceCollection services)
        where TInterface : IGrainWithStringKey
        where TImplementation : Grain, TInterface
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(new GrainRegistration(typeof(TInterface), typeof(TImplementation)));
        return services;
    }

    /// <summary>
    /// Adds a source-generated resolver (e.g. a <c>JsonSerializerContext</c>'s <c>Default</c>) to the chain used for
    /// grain state and call payloads. Resolvers are tried in registration order; there is no reflection fallback.
    /// </summary>
    public static IServiceCollection AddGrainJsonTypeInfo(this IServiceCollection services, IJsonTypeInfoResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(resolver);
        services.AddSingleton(new GrainJsonTypeInfoRegistration(resolver));
        return services;
    }
}
