namespace CsmsCluster.Bench.SiteReallocation;

/// <summary>One exported data point of a histogram (delta temporality: the runs of one export interval).</summary>
public sealed record HistogramPoint(ulong Count, double Sum, double? Min, double? Max, IReadOnlyList<double> Bounds, IReadOnlyList<ulong> Buckets)
{
    /// <summary>Finds the data points of <paramref name="metric"/> in an OTLP ExportMetricsServiceRequest.</summary>
    public static List<HistogramPoint> Parse(ReadOnlySpan<byte> request, string metric)
    {
        var points = new List<HistogramPoint>();
        for (var rm = new ProtoReader(request); rm.Next();)
        {
            if (rm.Field != 1 || rm.WireType != 2)
            {
                continue;
            }
            for (var sm = new ProtoReader(rm.Bytes); sm.Next();)
            {
                if (sm.Field != 2 || sm.WireType != 2)
                {
                    continue;
                }
                for (var m = new ProtoReader(sm.Bytes); m.Next();)
                {
                    if (m.Field == 2 && m.WireType == 2)
                    {
                        Metric(m.Bytes, metric, points);
                    }
                }
            }
        }
        return points;
    }

    private static void Metric(ReadOnlySpan<byte> bytes, string metric, List<HistogramPoint> points)
    {
        string? name = null;
        var histogram = ReadOnlySpan<byte>.Empty;
        for (var f = new ProtoReader(bytes); f.Next();)
        {
            if (f.Field == 1 && f.WireType == 2)
            {
                name = System.Text.Encoding.UTF8.GetString(f.Bytes);
            }
            else if (f.Field == 9 && f.WireType == 2)
            {
                histogram = f.Bytes;
            }
        }
        if (name != metric)
        {
            return;
        }
        for (var h = new ProtoReader(histogram); h.Next();)
        {
            if (h.Field == 1 && h.WireType == 2)
            {
                points.Add(Point(h.Bytes));
            }
        }
    }

    private static HistogramPoint Point(ReadOnlySpan<byte> bytes)
    {
        ulong count = 0;
        double sum = 0;
        double? min = null, max = null;
        ulong[] buckets = [], bounds = [];
        for (var p = new ProtoReader(bytes); p.Next();)
        {
            switch (p.Field)
            {
                case 4: count = p.Scalar; break;
                case 5: sum = p.Double; break;
                case 6: buckets = p.Packed64(); break;
                case 7: bounds = p.Packed64(); break;
                case 11: min = p.Double; break;
                case 12: max = p.Double; break;
                default: break;
            }
        }
        return new HistogramPoint(count, sum, min, max, [.. bounds.Select(BitConverter.UInt64BitsToDouble)], buckets);
    }
}
