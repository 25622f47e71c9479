namespace CsmsCluster.Server.Telemetry;

/// <summary>
/// OpenTelemetry export settings; configuration section <c>Csms:Telemetry</c>, falling back to the standard
/// <c>OTEL_*</c> environment variables. Nothing is exported (and no listener is attached) unless an endpoint is set.
/// </summary>
public sealed class TelemetryOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Csms:Telemetry";

    /// <summary>The protocol name of OTLP over HTTP with protobuf bodies (the default).</summary>
    public const string HttpProtobuf = "http/protobuf";

    /// <summary>The protocol name of OTLP over gRPC.</summary>
    public const string Grpc = "grpc";

    /// <summary>The service name when <c>OTEL_SERVICE_NAME</c> is not set.</summary>
    public const string DefaultServiceName = "csms-cluster";

    /// <summary>
    /// Base URL of the OTLP receiver (e.g. <c>http://collector:4318</c>); <c>Csms:Telemetry:OtlpEndpoint</c>, else
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>. Over HTTP each signal is posted to <c>/v1/traces</c>, <c>/v1/metrics</c>
    /// and <c>/v1/logs</c> under it. Unset (default): no export.
    /// </summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>
    /// <c>http/protobuf</c> (default, the OpenTelemetry specification's default; port 4318 on a collector) or
    /// <c>grpc</c> (port 4317); <c>Csms:Telemetry:OtlpProtocol</c>, else <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>. (The .NET
    /// exporter's own default would be grpc.)
    /// </summary>
    public string OtlpProtocol { get; set; } = HttpProtobuf;

    /// <summary>
    /// How often metrics are exported, and the longest a span or log record waits in its export batch. Unset: the SDK
    /// defaults (metrics every 60 s, batches every 5 s, or <c>OTEL_METRIC_EXPORT_INTERVAL</c> / <c>OTEL_BSP_SCHEDULE_DELAY</c>).
    /// </summary>
    public TimeSpan? ExportInterval { get; set; }

    /// <summary>The resource's <c>service.name</c>: <c>OTEL_SERVICE_NAME</c>, default <c>csms-cluster</c>.</summary>
    public string ServiceName { get; set; } = DefaultServiceName;

    /// <summary>Whether anything is exported.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(OtlpEndpoint);

    /// <summary>Reads the section and the <c>OTEL_*</c> fallbacks from <paramref name="configuration"/> into <paramref name="options"/>.</summary>
    public static void Read(IConfiguration configuration, TelemetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(options);
        configuration.GetSection(Section).Bind(options);
        options.OtlpEndpoint = NonEmpty(configuration[$"{Section}:{nameof(OtlpEndpoint)}"]) ?? NonEmpty(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        options.OtlpProtocol = NonEmpty(configuration[$"{Section}:{nameof(OtlpProtocol)}"]) ?? NonEmpty(configuration["OTEL_EXPORTER_OTLP_PROTOCOL"]) ?? HttpProtobuf;
        options.ServiceName = NonEmpty(configuration["OTEL_SERVICE_NAME"]) ?? DefaultServiceName;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
