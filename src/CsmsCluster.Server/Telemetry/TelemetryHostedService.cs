namespace CsmsCluster.Server.Telemetry;

/// <summary>
/// Brings the node's gauges and, when export is on, the providers to life as the host starts (hosted services are
/// resolved before any of them starts, so spans of the start-up itself are exported). The providers are disposed,
/// and flushed, with the container.
/// </summary>
internal sealed class TelemetryHostedService(ServerMetrics metrics, TelemetryProviders? providers = null) : IHostedService
{
    public ServerMetrics Metrics { get; } = metrics;

    public TelemetryProviders? Providers { get; } = providers;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
