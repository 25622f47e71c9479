using System.Reflection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenTelemetry.Logs;
using OpenTelemetry.Resources;

namespace CsmsCluster.Server.Telemetry;

/// <summary>
/// The one place that wires observability for every role: OpenTelemetry traces, metrics and logs exported over
/// OTLP when an endpoint is configured (see <see cref="TelemetryOptions"/>), and the node's gauges. Without an
/// endpoint no provider, listener or log sink is created, so instrumented code pays only its "anyone listening?"
/// checks.
/// </summary>
public static class TelemetryExtensions
{
    /// <summary>The resource attribute naming the node's role (<c>all</c>, <c>silo</c>, <c>gateway</c>).</summary>
    public const string RoleAttribute = "csms.node.role";

    /// <summary>Adds telemetry to the application for a node of <paramref name="role"/>.</summary>
    public static WebApplicationBuilder AddCsmsTelemetry(this WebApplicationBuilder builder, ServerRole role)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var services = builder.Services;
        services.AddOptions<TelemetryOptions>().Configure(o => TelemetryOptions.Read(configuration, o)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TelemetryOptions>, TelemetryOptionsValidator>());
        services.AddMetrics();
        services.AddSingleton<ServerMetrics>();
        // First, so the providers exist before other hosted services start (and are among the last to stop).
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, TelemetryHostedService>());

        var options = new TelemetryOptions();
        TelemetryOptions.Read(configuration, options);
        if (!options.Enabled || new TelemetryOptionsValidator().Validate(null, options).Failed)
        {
            return builder; // off, or invalid: then ValidateOnStart stops the start with the error
        }

        var resource = CreateResource(options, role);
        services.AddSingleton(_ => new TelemetryProviders(options, resource));
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.SetResourceBuilder(resource);
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
            logging.AddOtlpExporter((exporter, processor) =>
            {
                TelemetryProviders.Configure(exporter, options, "logs");
                if (options.ExportInterval is { } interval)
                {
                    processor.BatchExportProcessorOptions.ScheduledDelayMilliseconds = (int)interval.TotalMilliseconds;
                }
            });
        });
        return builder;
    }

    private static ResourceBuilder CreateResource(TelemetryOptions options, ServerRole role)
    {
        var version = typeof(TelemetryExtensions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return ResourceBuilder.CreateEmpty()
            .AddService(options.ServiceName, serviceVersion: version, autoGenerateServiceInstanceId: true)
            .AddAttributes([new KeyValuePair<string, object>(RoleAttribute, role.ToString().ToLowerInvariant())])
            .AddTelemetrySdk()
            // OTEL_RESOURCE_ATTRIBUTES (e.g. k8s.pod.name) and OTEL_SERVICE_NAME, as the standard variables promise.
            .AddEnvironmentVariableDetector();
    }
}
