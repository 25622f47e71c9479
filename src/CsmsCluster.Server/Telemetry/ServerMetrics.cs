using System.Diagnostics.Metrics;
using CsmsCluster.Grains;

namespace CsmsCluster.Server.Telemetry;

/// <summary>
/// Node-level gauges read from the parts this host wires together (Meter <c>CsmsCluster.Server</c>); observed only
/// when a reader collects.
/// </summary>
internal sealed class ServerMetrics
{
    public const string MeterName = "CsmsCluster.Server";

    public ServerMetrics(IMeterFactory meterFactory, IServiceProvider services)
    {
        var meter = meterFactory.Create(MeterName);
        if (services.GetService<GrainRuntime>() is { } runtime)
        {
            meter.CreateObservableGauge(
                "csms.grains.activations.active", () => runtime.ActivationCount, "{activation}", "Grain activations in memory on this node.");
        }
    }
}
