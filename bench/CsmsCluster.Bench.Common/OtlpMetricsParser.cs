namespace CsmsCluster.Bench.Common;

/// <summary>
/// Reads the data points of chosen metrics out of an OTLP ExportMetricsServiceRequest (protobuf): histograms with
/// explicit buckets, and sums and gauges. Field numbers are those of opentelemetry-proto's metrics.proto.
/// </summary>
public static class OtlpMetricsParser
{
    /// <summary>Adds the points of every metric named in <paramref name="wanted"/> to <paramref name="histograms"/> or <paramref name="numbers"/>.</summary>
    public static void Parse(
        ReadOnlySpan<byte> request, IReadOnlySet<string> wanted, List<(string Metric, HistogramPoint Point)> histograms, List<(string Metric, NumberPoint Point)> numbers)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        ArgumentNullException.ThrowIfNull(histograms);
        ArgumentNullException.ThrowIfNull(numbers);
        for (var resource = new ProtoReader(request); resource.Next();)
        {
            if (resource.Field != 1 || resource.WireType != 2)
            {
                continue;
            }
            for (var scope = new ProtoReader(resource.Bytes); scope.Next();)
            {
                if (scope.Field != 2 || scope.WireType != 2)
                {
                    continue;
                }
                for (var metric = new ProtoReader(scope.Bytes); metric.Next();)
                {
                    if (metric.Field == 2 && metric.WireType == 2)
                    {
                        Metric(metric.Bytes, wanted, histograms, numbers);
                    }
                }
            }
        }
    }

    private static void Metric(
        ReadOnlySpan<byte> bytes, IReadOnlySet<string> wanted, List<(string, HistogramPoint)> histograms, List<(string, NumberPoint)> numbers)
    {
        string? name = null;
        var data = ReadOnlySpan<byte>.Empty;
        var kind = 0;
        for (var f = new ProtoReader(bytes); f.Next();)
        {
            if (f.Field == 1 && f.WireType == 2)
            {
                name = System.Text.Encoding.UTF8.GetString(f.Bytes);
            }
            else if (f.Field is 5 or 7 or 9 && f.WireType == 2)
            {
                // 5 gauge, 7 sum, 9 histogram: each holds its data points in field 1.
                data = f.Bytes;
                kind = f.Field;
            }
        }
        if (name is null || !wanted.Contains(name))
        {
            return;
        }
        for (var d = new ProtoReader(data); d.Next();)
        {
            if (d.Field != 1 || d.WireType != 2)
            {
                continue;
            }
            if (kind == 9)
            {
                histograms.Add((name, Histogram(d.Bytes)));
            }
            else
            {
                numbers.Add((name, Number(d.Bytes)));
            }
        }
    }

    private static HistogramPoint Histogram(ReadOnlySpan<byte> bytes)
    {
        ulong count = 0, start = 0, end = 0;
        double sum = 0;
        double? min = null, max = null;
        List<ulong> buckets = [], bounds = [];
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var p = new ProtoReader(bytes); p.Next();)
        {
            switch (p.Field)
            {
                case 2: start = p.Scalar; break;
                case 3: end = p.Scalar; break;
                case 4: count = p.Scalar; break;
                case 5: sum = p.Double; break;
                // Repeated fields may come packed (one length-delimited field) or one 64-bit field a value.
                case 6: buckets.AddRange(p.WireType == 1 ? [p.Scalar] : p.Packed64()); break;
                case 7: bounds.AddRange(p.WireType == 1 ? [p.Scalar] : p.Packed64()); break;
                case 9: Attribute(p.Bytes, attributes); break;
                case 11: min = p.Double; break;
                case 12: max = p.Double; break;
                default: break;
            }
        }
        return new HistogramPoint(
            Time(start), Time(end), attributes, count, sum, min, max, [.. bounds.Select(BitConverter.UInt64BitsToDouble)], buckets);
    }

    private static NumberPoint Number(ReadOnlySpan<byte> bytes)
    {
        ulong start = 0, end = 0;
        double value = 0;
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var p = new ProtoReader(bytes); p.Next();)
        {
            switch (p.Field)
            {
                case 2: start = p.Scalar; break;
                case 3: end = p.Scalar; break;
                case 4: value = p.Double; break;
                case 6: value = (long)p.Scalar; break;
                case 7: Attribute(p.Bytes, attributes); break;
                default: break;
            }
        }
        return new NumberPoint(Time(start), Time(end), attributes, value);
    }

    /// <summary>A KeyValue: key (1) and an AnyValue (2) whose string (1), bool (2), int (3) or double (4) is kept as text.</summary>
    private static void Attribute(ReadOnlySpan<byte> bytes, Dictionary<string, string> attributes)
    {
        string? key = null;
        string? value = null;
        for (var kv = new ProtoReader(bytes); kv.Next();)
        {
            if (kv.Field == 1 && kv.WireType == 2)
            {
                key = System.Text.Encoding.UTF8.GetString(kv.Bytes);
            }
            else if (kv.Field == 2 && kv.WireType == 2)
            {
                for (var any = new ProtoReader(kv.Bytes); any.Next();)
                {
                    value = any.Field switch
                    {
                        1 => System.Text.Encoding.UTF8.GetString(any.Bytes),
                        2 => (any.Scalar != 0).ToString(),
                        3 => ((long)any.Scalar).ToString(System.Globalization.CultureInfo.InvariantCulture),
                        4 => any.Double.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        _ => value,
                    };
                }
            }
        }
        if (key is not null)
        {
            attributes[key] = value ?? "";
        }
    }

    private static DateTimeOffset Time(ulong unixNanos) => DateTimeOffset.FromUnixTimeMilliseconds((long)(unixNanos / 1_000_000));
}
