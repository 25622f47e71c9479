using CsmsCluster.Bench.Common;
using static CsmsCluster.Bench.Tests.OtlpMessages;

namespace CsmsCluster.Bench.Tests;

/// <summary>
/// ExportMetricsServiceRequests encoded here field by field, as metrics.proto numbers them, and what the parser reads
/// out of them: the wanted metrics' histogram and number points with their values, attributes and times.
/// </summary>
public sealed class OtlpMetricsParserTests
{
    private const string CallDuration = "csms.gateway.call.duration";
    private const string MessagesIn = "csms.gateway.messages.in";
    private const string Active = "csms.transactions.active";

    // 2026-01-01T00:00:00.123456789Z and ten seconds later.
    private const ulong Start = NewYear2026 + 123_456_789;
    private const ulong End = Start + 10_000_000_000;

    private static readonly DateTimeOffset StartTime = new(2026, 1, 1, 0, 0, 0, 123, TimeSpan.Zero);
    private static readonly DateTimeOffset EndTime = new(2026, 1, 1, 0, 0, 10, 123, TimeSpan.Zero);

    [Fact]
    public void Parse_WantedHistogram_ReadsEveryFieldOfItsPoint()
    {
        var request = Request(Histogram(
            CallDuration,
            HistogramDataPoint(Start, End, sum: 12.5, bounds: [1, 2.5, 5], buckets: [2, 3, 4, 1], min: 0.25, max: 6.5)
                .Message(9, StringKeyValue("ocpp.action", "MeterValues"))
                .Message(9, StringKeyValue("csms.node", "node-1"))));

        var (histograms, numbers) = Parse(request, CallDuration);

        Assert.Empty(numbers);
        var (metric, point) = Assert.Single(histograms);
        Assert.Equal(CallDuration, metric);
        Assert.Equal((StartTime, EndTime), (point.Start, point.End));
        Assert.Equal(10UL, point.Count);
        Assert.Equal(12.5, point.Sum);
        Assert.Equal(0.25, point.Min);
        Assert.Equal(6.5, point.Max);
        Assert.Equal([1, 2.5, 5], point.Bounds);
        Assert.Equal(new ulong[] { 2, 3, 4, 1 }, point.Buckets);
        Assert.Equal(
            new Dictionary<string, string> { ["ocpp.action"] = "MeterValues", ["csms.node"] = "node-1" },
            point.Attributes);
    }

    [Fact]
    public void Parse_HistogramWithoutMinAndMax_LeavesThemNull()
    {
        var request = Request(Histogram(CallDuration, HistogramDataPoint(Start, End, sum: 1, bounds: [1], buckets: [1, 0])));

        var (histograms, _) = Parse(request, CallDuration);

        var point = Assert.Single(histograms).Point;
        Assert.Null(point.Min);
        Assert.Null(point.Max);
        Assert.Empty(point.Attributes);
    }

    [Fact]
    public void Parse_UnwantedMetrics_AreSkipped()
    {
        var request = Request(
            Histogram("csms.history.commit.duration", HistogramDataPoint(Start, End, sum: 3, bounds: [1], buckets: [0, 1])),
            Sum(MessagesIn, IntDataPoint(Start, End, 5)),
            Histogram(CallDuration, HistogramDataPoint(Start, End, sum: 0.5, bounds: [1], buckets: [1, 0])),
            Gauge(Active, DoubleDataPoint(Start, End, 2)));

        var (histograms, numbers) = Parse(request, CallDuration, "not.exported");

        var (metric, point) = Assert.Single(histograms);
        Assert.Equal(CallDuration, metric);
        Assert.Equal(0.5, point.Sum);
        Assert.Empty(numbers);
    }

    [Fact]
    public void Parse_SumWithIntPoints_ReadsThemAsSignedIntegers()
    {
        // as_int is an sfixed64: -3 is the two's complement 0xFFFFFFFFFFFFFFFD.
        var request = Request(Sum(
            MessagesIn,
            IntDataPoint(Start, End, 1_234_567_890_123).Message(7, StringKeyValue("ocpp.action", "Heartbeat")),
            IntDataPoint(Start, End, -3)));

        var (histograms, numbers) = Parse(request, MessagesIn);

        Assert.Empty(histograms);
        Assert.Equal(new[] { (MessagesIn, 1_234_567_890_123.0), (MessagesIn, -3.0) }, numbers.Select(n => (n.Metric, n.Point.Value)));
        Assert.Equal("Heartbeat", numbers[0].Point.Attributes["ocpp.action"]);
        Assert.Empty(numbers[1].Point.Attributes);
        Assert.Equal((StartTime, EndTime), (numbers[0].Point.Start, numbers[0].Point.End));
    }

    [Fact]
    public void Parse_GaugeWithDoublePoint_ReadsItsValueAndTimes()
    {
        var request = Request(Gauge(Active, DoubleDataPoint(Start, End, 0.75).Message(7, StringKeyValue("site", "S1"))));

        var (_, numbers) = Parse(request, Active);

        var (metric, point) = Assert.Single(numbers);
        Assert.Equal(Active, metric);
        Assert.Equal(0.75, point.Value);
        Assert.Equal((StartTime, EndTime), (point.Start, point.End));
        Assert.Equal("S1", point.Attributes["site"]);
    }

    [Fact]
    public void Parse_AttributeValuesOfOtherKinds_AreKeptAsText()
    {
        // AnyValue bool_value (2) and int_value (3) are varints, double_value (4) a 64-bit field; -7 as int64 is ten bytes.
        var request = Request(Gauge(
            Active,
            DoubleDataPoint(Start, End, 1)
                .Message(7, KeyValue("flag", new ProtoWriter().Varint(2, 1)))
                .Message(7, KeyValue("connector", new ProtoWriter().Varint(3, unchecked((ulong)-7L))))
                .Message(7, KeyValue("ratio", new ProtoWriter().Double(4, 0.25)))
                .Message(7, new ProtoWriter().Text(1, "empty"))));

        var attributes = Assert.Single(Parse(request, Active).Numbers).Point.Attributes;

        Assert.True(bool.Parse(attributes["flag"]));
        Assert.Equal("-7", attributes["connector"]);
        Assert.Equal("0.25", attributes["ratio"]);
        Assert.Equal("", attributes["empty"]);
    }

    [Fact]
    public void Parse_UnknownFieldsOfEveryWireType_AreSkipped()
    {
        // Fields the parser does not read, at each level: Resource (1), InstrumentationScope (1), schema_url (3),
        // description (2), unit (3), metadata (12), aggregation_temporality (2), is_monotonic (3), exemplars (8),
        // flags (10 and 8), and numbers metrics.proto does not use with a 64-bit, 32-bit and varint value.
        var histogramPoint = HistogramDataPoint(Start, End, sum: 4, bounds: [1, 2.5], buckets: [1, 2, 0], max: 2)
            .Varint(10, 1)
            .Message(8, new ProtoWriter().Fixed64(2, End).Double(3, 2))
            .Fixed32(20, 0xDEADBEEF)
            .Fixed64(21, 42)
            .Varint(22, 300);
        var histogram = new ProtoWriter()
            .Text(2, "server-side duration of a CALL")
            .Text(3, "ms")
            .Message(9, new ProtoWriter().Varint(2, 1).Message(1, histogramPoint))
            .Message(12, StringKeyValue("meta", "x"))
            .Text(1, CallDuration);
        var sum = new ProtoWriter()
            .Text(1, MessagesIn)
            .Message(7, new ProtoWriter().Varint(2, 1).Varint(3, 1).Message(1, IntDataPoint(Start, End, 8).Varint(8, 0).Fixed32(9, 7)));
        var scope = new ProtoWriter()
            .Message(1, new ProtoWriter().Text(1, "CsmsCluster.Gateway").Text(2, "1.0"))
            .Message(2, histogram)
            .Message(2, sum)
            .Text(3, "https://opentelemetry.io/schemas/1.28.0");
        var resource = new ProtoWriter()
            .Message(1, new ProtoWriter().Message(1, StringKeyValue("service.name", "csms-cluster")))
            .Message(2, scope)
            .Text(3, "https://opentelemetry.io/schemas/1.28.0")
            .Fixed32(4, 1);
        var request = new ProtoWriter().Varint(99, 1).Message(1, resource).Fixed64(98, 2).ToArray();

        var (histograms, numbers) = Parse(request, CallDuration, MessagesIn);

        var point = Assert.Single(histograms).Point;
        Assert.Equal((3UL, 4.0), (point.Count, point.Sum));
        Assert.Equal(2, point.Max);
        Assert.Equal(new ulong[] { 1, 2, 0 }, point.Buckets);
        Assert.Equal([1, 2.5], point.Bounds);
        Assert.Equal(8, Assert.Single(numbers).Point.Value);
    }

    [Fact]
    public void Parse_SeveralResourcesAndPoints_ReturnsEveryPointInOrder()
    {
        ProtoWriter Point(ulong startSeconds, double sum) =>
            HistogramDataPoint(NewYear2026 + (startSeconds * 1_000_000_000), NewYear2026 + ((startSeconds + 10) * 1_000_000_000), sum, [1], [1, 0]);
        var request = Resources(
        [
            [Histogram(CallDuration, Point(0, 0.1), Point(10, 0.2))],
            [Sum(MessagesIn, IntDataPoint(Start, End, 1)), Histogram(CallDuration, Point(20, 0.3))],
        ]);

        var (histograms, numbers) = Parse(request, CallDuration, MessagesIn);

        Assert.Equal([0.1, 0.2, 0.3], histograms.Select(h => h.Point.Sum));
        Assert.Equal([T(0), T(10), T(20)], histograms.Select(h => h.Point.Start));
        Assert.Equal([T(10), T(20), T(30)], histograms.Select(h => h.Point.End));
        Assert.Single(numbers);

        static DateTimeOffset T(int seconds) => new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(seconds);
    }

    [Fact]
    public void Parse_UnpackedBucketCountsAndBounds_ReadsThem()
    {
        // A parser must accept a repeated scalar field written as one field a value as well as packed.
        var point = new ProtoWriter()
            .Fixed64(2, Start)
            .Fixed64(3, End)
            .Message(9, StringKeyValue("ocpp.action", "StatusNotification"))
            .Fixed64(4, 6)
            .Double(5, 9);
        foreach (var (count, bound) in new (ulong, double?)[] { (1, 1), (4, 2.5), (0, 5), (1, null) })
        {
            point.Fixed64(6, count);
            if (bound is { } b)
            {
                point.Double(7, b);
            }
        }

        var (histograms, _) = Parse(Request(Histogram(CallDuration, point)), CallDuration);

        var parsed = Assert.Single(histograms).Point;
        Assert.Equal(new ulong[] { 1, 4, 0, 1 }, parsed.Buckets);
        Assert.Equal([1, 2.5, 5], parsed.Bounds);
        Assert.Equal(6UL, parsed.Count);
    }

    [Fact]
    public void Parse_PackedBucketCountsInSeveralFields_AreJoined()
    {
        // Packed fragments of one repeated field are concatenated, as if written as one.
        var point = new ProtoWriter()
            .Fixed64(2, Start)
            .Fixed64(3, End)
            .Fixed64(4, 6)
            .PackedFixed64(6, 1, 4)
            .PackedDouble(7, 1)
            .PackedFixed64(6, 0, 1)
            .PackedDouble(7, 2.5, 5);

        var parsed = Assert.Single(Parse(Request(Histogram(CallDuration, point)), CallDuration).Histograms).Point;

        Assert.Equal(new ulong[] { 1, 4, 0, 1 }, parsed.Buckets);
        Assert.Equal([1, 2.5, 5], parsed.Bounds);
    }

    [Fact]
    public void Parse_EmptyRequest_AddsNothing()
    {
        var (histograms, numbers) = Parse([], CallDuration);

        Assert.Empty(histograms);
        Assert.Empty(numbers);
    }

    private static (List<(string Metric, HistogramPoint Point)> Histograms, List<(string Metric, NumberPoint Point)> Numbers) Parse(
        byte[] request, params string[] wanted)
    {
        var histograms = new List<(string, HistogramPoint)>();
        var numbers = new List<(string, NumberPoint)>();
        OtlpMetricsParser.Parse(request, new HashSet<string>(wanted, StringComparer.Ordinal), histograms, numbers);
        return (histograms, numbers);
    }
}
