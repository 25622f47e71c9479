namespace CsmsCluster.Bench.Tests;

/// <summary>
/// Builds OTLP metrics messages with the field numbers of opentelemetry-proto
/// (<c>collector/metrics/v1/metrics_service.proto</c>, <c>metrics/v1/metrics.proto</c>, <c>common/v1/common.proto</c>).
/// </summary>
public static class OtlpMessages
{
    /// <summary>2026-01-01T00:00:00Z in nanoseconds since the Unix epoch.</summary>
    public const ulong NewYear2026 = 1_767_225_600UL * 1_000_000_000UL;

    /// <summary>ExportMetricsServiceRequest.resource_metrics (1) holding one ScopeMetrics (2) of these Metrics (2).</summary>
    public static byte[] Request(params ProtoWriter[] metrics) => Resources([metrics]);

    /// <summary>A request with one ResourceMetrics for each group of metrics.</summary>
    public static byte[] Resources(IEnumerable<ProtoWriter[]> resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var request = new ProtoWriter();
        foreach (var metrics in resources)
        {
            var scope = new ProtoWriter();
            foreach (var metric in metrics)
            {
                scope.Message(2, metric);
            }

            request.Message(1, new ProtoWriter().Message(2, scope));
        }

        return request.ToArray();
    }

    /// <summary>Metric.name (1) with Metric.histogram (9), whose data_points are field 1.</summary>
    public static ProtoWriter Histogram(string name, params ProtoWriter[] points) => Metric(name, 9, points);

    /// <summary>Metric.name (1) with Metric.sum (7).</summary>
    public static ProtoWriter Sum(string name, params ProtoWriter[] points) => Metric(name, 7, points);

    /// <summary>Metric.name (1) with Metric.gauge (5).</summary>
    public static ProtoWriter Gauge(string name, params ProtoWriter[] points) => Metric(name, 5, points);

    /// <summary>
    /// A HistogramDataPoint: start_time_unix_nano (2) and time_unix_nano (3) fixed64, count (4) fixed64, sum (5) double,
    /// bucket_counts (6) packed fixed64, explicit_bounds (7) packed double, min (11) and max (12) doubles.
    /// </summary>
    public static ProtoWriter HistogramDataPoint(
        ulong start, ulong end, double sum, double[] bounds, ulong[] buckets, double? min = null, double? max = null)
    {
        ArgumentNullException.ThrowIfNull(buckets);
        var point = new ProtoWriter()
            .Fixed64(2, start)
            .Fixed64(3, end)
            .Fixed64(4, buckets.Aggregate(0UL, (a, b) => a + b))
            .Double(5, sum)
            .PackedFixed64(6, buckets)
            .PackedDouble(7, bounds);
        if (min is { } low)
        {
            point.Double(11, low);
        }

        if (max is { } high)
        {
            point.Double(12, high);
        }

        return point;
    }

    /// <summary>A NumberDataPoint with as_double (4).</summary>
    public static ProtoWriter DoubleDataPoint(ulong start, ulong end, double value) =>
        new ProtoWriter().Fixed64(2, start).Fixed64(3, end).Double(4, value);

    /// <summary>A NumberDataPoint with as_int (6), an sfixed64.</summary>
    public static ProtoWriter IntDataPoint(ulong start, ulong end, long value) =>
        new ProtoWriter().Fixed64(2, start).Fixed64(3, end).Fixed64(6, unchecked((ulong)value));

    /// <summary>A KeyValue: key (1) and an AnyValue (2) with string_value (1).</summary>
    public static ProtoWriter StringKeyValue(string key, string value) =>
        new ProtoWriter().Text(1, key).Message(2, new ProtoWriter().Text(1, value));

    /// <summary>A KeyValue whose AnyValue is given as it is.</summary>
    public static ProtoWriter KeyValue(string key, ProtoWriter anyValue) => new ProtoWriter().Text(1, key).Message(2, anyValue);

    private static ProtoWriter Metric(string name, int kind, ProtoWriter[] points)
    {
        var data = new ProtoWriter();
        foreach (var point in points)
        {
            data.Message(1, point);
        }

        return new ProtoWriter().Text(1, name).Message(kind, data);
    }
}
