using CsmsCluster.Bench.Common;

namespace CsmsCluster.Server.Tests.Telemetry;

/// <summary>
/// Reads what the tests need from OTLP export requests (field numbers from opentelemetry-proto:
/// <c>collector/*/v1</c>, <c>trace/v1</c>, <c>metrics/v1</c>, <c>logs/v1</c>, <c>common/v1</c>, <c>resource/v1</c>).
/// </summary>
public static class OtlpDecoder
{
    /// <summary>ExportTraceServiceRequest: resource_spans(1) -> scope_spans(2) -> scope(1).name(1), spans(2).</summary>
    public static List<OtlpSpan> Spans(ReadOnlySpan<byte> request, Dictionary<string, string> resource)
    {
        var spans = new List<OtlpSpan>();
        foreach (var resourceSpans in Messages(request, 1))
        {
            ReadResource(resourceSpans, resource);
            foreach (var scopeSpans in Messages(resourceSpans, 2))
            {
                var scope = ScopeName(scopeSpans);
                foreach (var span in Messages(scopeSpans, 2))
                {
                    spans.Add(ReadSpan(span, scope));
                }
            }
        }

        return spans;
    }

    /// <summary>ExportMetricsServiceRequest: resource_metrics(1) -> scope_metrics(2) -> metrics(2).name(1).</summary>
    public static List<string> MetricNames(ReadOnlySpan<byte> request, Dictionary<string, string> resource)
    {
        var names = new List<string>();
        foreach (var resourceMetrics in Messages(request, 1))
        {
            ReadResource(resourceMetrics, resource);
            foreach (var scopeMetrics in Messages(resourceMetrics, 2))
            {
                foreach (var metric in Messages(scopeMetrics, 2))
                {
                    var reader = new ProtoReader(metric);
                    while (reader.Next())
                    {
                        if (reader.Field == 1)
                        {
                            names.Add(reader.String);
                        }
                    }
                }
            }
        }

        return names;
    }

    /// <summary>ExportLogsServiceRequest: resource_logs(1) -> scope_logs(2) -> log_records(2).body(5), an AnyValue.</summary>
    public static List<string> LogBodies(ReadOnlySpan<byte> request, Dictionary<string, string> resource)
    {
        var bodies = new List<string>();
        foreach (var resourceLogs in Messages(request, 1))
        {
            ReadResource(resourceLogs, resource);
            foreach (var scopeLogs in Messages(resourceLogs, 2))
            {
                foreach (var record in Messages(scopeLogs, 2))
                {
                    var reader = new ProtoReader(record);
                    while (reader.Next())
                    {
                        if (reader.Field == 5)
                        {
                            bodies.Add(AnyValueString(reader.Bytes));
                        }
                    }
                }
            }
        }

        return bodies;
    }

    private static OtlpSpan ReadSpan(byte[] span, string scope)
    {
        string traceId = "", spanId = "", parent = "", name = "";
        var attributes = new Dictionary<string, string>();
        var links = new List<string>();
        var reader = new ProtoReader(span);
        while (reader.Next())
        {
            switch (reader.Field)
            {
                case 1:
                    traceId = Convert.ToHexStringLower(reader.Bytes);
                    break;
                case 2:
                    spanId = Convert.ToHexStringLower(reader.Bytes);
                    break;
                case 4:
                    parent = Convert.ToHexStringLower(reader.Bytes);
                    break;
                case 5:
                    name = reader.String;
                    break;
                case 9:
                    var (key, value) = KeyValue(reader.Bytes);
                    attributes[key] = value;
                    break;
                case 13:
                    // Link: trace_id(1), span_id(2), ...
                    var link = new ProtoReader(reader.Bytes);
                    while (link.Next())
                    {
                        if (link.Field == 1)
                        {
                            links.Add(Convert.ToHexStringLower(link.Bytes));
                        }
                    }

                    break;
            }
        }

        return new OtlpSpan(traceId, spanId, parent, scope, name, attributes, links);
    }

    // Resource(1).attributes(1)
    private static void ReadResource(ReadOnlySpan<byte> owner, Dictionary<string, string> resource)
    {
        foreach (var message in Messages(owner, 1))
        {
            foreach (var attribute in Messages(message, 1))
            {
                var (key, value) = KeyValue(attribute);
                resource[key] = value;
            }
        }
    }

    // ScopeX.scope(1) is an InstrumentationScope whose name is field 1.
    private static string ScopeName(ReadOnlySpan<byte> scopeItems)
    {
        foreach (var scope in Messages(scopeItems, 1))
        {
            var reader = new ProtoReader(scope);
            while (reader.Next())
            {
                if (reader.Field == 1)
                {
                    return reader.String;
                }
            }
        }

        return string.Empty;
    }

    // KeyValue: key(1), value(2) AnyValue.
    private static (string Key, string Value) KeyValue(ReadOnlySpan<byte> message)
    {
        string key = "", value = "";
        var reader = new ProtoReader(message);
        while (reader.Next())
        {
            if (reader.Field == 1)
            {
                key = reader.String;
            }
            else if (reader.Field == 2)
            {
                value = AnyValueString(reader.Bytes);
            }
        }

        return (key, value);
    }

    // AnyValue: string(1), bool(2), int(3), double(4); other kinds are not needed here.
    private static string AnyValueString(ReadOnlySpan<byte> message)
    {
        var reader = new ProtoReader(message);
        while (reader.Next())
        {
            switch (reader.Field)
            {
                case 1:
                    return reader.String;
                case 2:
                    return reader.Scalar != 0 ? "true" : "false";
                case 3:
                    return ((long)reader.Scalar).ToString(System.Globalization.CultureInfo.InvariantCulture);
                case 4:
                    return reader.Double.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return string.Empty;
    }

    // The embedded messages of one repeated field, copied out (a ref struct cannot be yielded).
    private static List<byte[]> Messages(ReadOnlySpan<byte> message, int fieldNumber)
    {
        var list = new List<byte[]>();
        var reader = new ProtoReader(message);
        while (reader.Next())
        {
            if (reader.Field == fieldNumber && reader.WireType == 2)
            {
                list.Add(reader.Bytes.ToArray());
            }
        }

        return list;
    }
}
