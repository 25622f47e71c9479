using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CsmsCluster.Server.Telemetry;

/// <summary>
/// The tracer and meter providers that export over OTLP; created only when an endpoint is configured. Disposing
/// flushes what is buffered and shuts the exporters down (the container does this when the host is disposed).
/// </summary>
internal sealed class TelemetryProviders : IDisposable
{
    private readonly TracerProvider _tracing;
    private readonly MeterProvider _metrics;

    public TelemetryProviders(TelemetryOptions options, ResourceBuilder resource)
    {
        _tracing = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(resource)
            .AddSource(TelemetryNames.Sources)
            .AddOtlpExporter(exporter =>
            {
                Configure(exporter, options, "traces");
                if (options.ExportInterval is { } interval)
                {
                    exporter.BatchExportProcessorOptions.ScheduledDelayMilliseconds = (int)interval.TotalMilliseconds;
                }
            })
            .Build();
        _metrics = Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(resource)
            .AddMeter(TelemetryNames.Meters)
            .AddView(SecondsHistogramView)
            .AddOtlpExporter((exporter, reader) =>
            {
                Configure(exporter, options, "metrics");
                if (options.ExportInterval is { } interval)
                {
                    reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)interval.TotalMilliseconds;
                }
            })
            .Build();
    }

    /// <summary>Points the exporter at the signal's endpoint with the configured protocol.</summary>
    /// <remarks>
    /// An endpoint set in code is used as given, so over HTTP the signal path is appended here (as the exporter does
    /// itself for <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>). Headers and timeouts still come from the <c>OTEL_EXPORTER_OTLP_*</c>
    /// variables the exporter reads.
    /// </remarks>
    public static void Configure(OtlpExporterOptions exporter, TelemetryOptions options, string signal)
    {
        var endpoint = options.OtlpEndpoint!;
        if (options.OtlpProtocol == TelemetryOptions.Grpc)
        {
            exporter.Protocol = OtlpExportProtocol.Grpc;
            exporter.Endpoint = new Uri(endpoint);
        }
        else
        {
            exporter.Protocol = OtlpExportProtocol.HttpProtobuf;
            exporter.Endpoint = new Uri($"{endpoint.TrimEnd('/')}/v1/{signal}");
        }
    }

    public void Dispose()
    {
        _tracing.Dispose();
        _metrics.Dispose();
    }

    // The project's duration histograms are in seconds; the SDK's default boundaries suit milliseconds.
    private static MetricStreamConfiguration? SecondsHistogramView(System.Diagnostics.Metrics.Instrument instrument) =>
        instrument.Meter.Name.StartsWith("CsmsCluster.", StringComparison.Ordinal)
        && instrument.Unit == "s"
        && instrument is System.Diagnostics.Metrics.Histogram<double> histogram
        && histogram.Advice?.HistogramBucketBoundaries is null
            ? new ExplicitBucketHistogramConfiguration { Boundaries = TelemetryNames.SecondsBoundaries }
            : null;
}
