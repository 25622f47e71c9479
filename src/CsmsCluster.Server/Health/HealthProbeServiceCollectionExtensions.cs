namespace CsmsCluster.Server.Health;

/// <summary>Registers the probe port when <c>Csms:Health:Port</c> is set.</summary>
internal static class HealthProbeServiceCollectionExtensions
{
    public static IServiceCollection AddHealthProbePort(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(HealthProbeOptions.Section);
        services.AddOptions<HealthProbeOptions>()
            .Bind(section)
            .Validate(o => o.Port is null or (>= 0 and <= 65535), "Csms:Health:Port must be between 0 and 65535.")
            .Validate(o => System.Net.IPAddress.TryParse(o.ListenAddress, out _), "Csms:Health:ListenAddress must be an IP address.")
            .Validate(o => o.CheckInterval > TimeSpan.Zero && o.LivenessStall > TimeSpan.Zero && o.ReadinessMaxAge > TimeSpan.Zero,
                "Csms:Health intervals must be positive.")
            .ValidateOnStart();
        if (section.GetValue<int?>(nameof(HealthProbeOptions.Port)) is null)
        {
            return services;
        }

        services.AddHealthChecks();
        services.AddSingleton<HealthState>();
        services.AddHostedService(sp => sp.GetRequiredService<HealthState>());
        services.AddSingleton<HealthProbeListener>();
        services.AddSingleton<IHealthProbePort>(sp => sp.GetRequiredService<HealthProbeListener>());
        services.AddHostedService(sp => sp.GetRequiredService<HealthProbeListener>());
        return services;
    }
}
