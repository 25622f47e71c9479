using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using CsmsCluster.Bench.Common;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using static CsmsCluster.Bench.Tests.OtlpMessages;

namespace CsmsCluster.Bench.Tests;

/// <summary>
/// The receiver as a server under test sees it: OTLP/HTTP protobuf posts over a real loopback socket, from a plain
/// HTTP client and from the OpenTelemetry exporter the server itself uses.
/// </summary>
public sealed class OtlpReceiverTests
{
    private const string CallDuration = "csms.gateway.call.duration";
    private const string MessagesIn = "csms.gateway.messages.in";
    private const ulong Second = 1_000_000_000;

    private static readonly DateTimeOffset NewYear = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task PostMetrics_WantedPoints_ComeOutOfTheReceiver()
    {
        using var receiver = new OtlpReceiver(CallDuration, MessagesIn);
        var request = Request(
            Histogram(
                CallDuration,
                HistogramDataPoint(NewYear2026, NewYear2026 + (10 * Second), sum: 6, bounds: [1, 2.5], buckets: [1, 2, 1], max: 3)
                    .Message(9, StringKeyValue("ocpp.action", "MeterValues"))),
            Sum(MessagesIn, IntDataPoint(NewYear2026, NewYear2026 + (10 * Second), 42)),
            Sum("csms.grains.calls", IntDataPoint(NewYear2026, NewYear2026 + (10 * Second), 7)));

        using var response = await PostAsync(receiver, "/v1/metrics", request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (from, to) = (NewYear, NewYear.AddSeconds(10));
        var histogram = Assert.Single(receiver.Histograms(CallDuration, from, to));
        Assert.Equal(new ulong[] { 1, 2, 1 }, histogram.Buckets);
        Assert.Equal((4UL, 6.0), (histogram.Count, histogram.Sum));
        Assert.Equal("MeterValues", histogram.Attributes["ocpp.action"]);
        Assert.Equal(42, Assert.Single(receiver.Numbers(MessagesIn, from, to)).Value);
        Assert.Empty(receiver.Numbers("csms.grains.calls", from, to));
        Assert.Empty(receiver.Histograms(MessagesIn, from, to));
    }

    [Fact]
    public async Task PostMetrics_SeveralExports_EachPointIsKeptOnce()
    {
        using var receiver = new OtlpReceiver(MessagesIn);

        for (var i = 0UL; i < 3; i++)
        {
            var start = NewYear2026 + (i * 10 * Second);
            using var response = await PostAsync(receiver, "/v1/metrics", Request(Sum(MessagesIn, IntDataPoint(start, start + (10 * Second), (long)i + 1))));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal([1.0, 2, 3], receiver.Numbers(MessagesIn, NewYear, NewYear.AddSeconds(30)).Select(n => n.Value));
    }

    [Fact]
    public async Task Histograms_Window_KeepsThePointsWhoseMidpointFallsInIt()
    {
        using var receiver = new OtlpReceiver(CallDuration);
        // Intervals [0 s, 10 s], [10 s, 20 s] and [20 s, 30 s]: midpoints at 5 s, 15 s and 25 s.
        var points = Enumerable.Range(0, 3)
            .Select(i => HistogramDataPoint(NewYear2026 + ((ulong)i * 10 * Second), NewYear2026 + ((ulong)(i + 1) * 10 * Second), sum: i, bounds: [1], buckets: [1, 0]))
            .ToArray();
        using var response = await PostAsync(receiver, "/v1/metrics", Request(Histogram(CallDuration, points)));

        // From 8 s to 22 s straddles the first and last intervals, whose midpoints lie outside it.
        var inside = receiver.Histograms(CallDuration, NewYear.AddSeconds(8), NewYear.AddSeconds(22));
        var fromMidpointToMidpoint = receiver.Histograms(CallDuration, NewYear.AddSeconds(5), NewYear.AddSeconds(25));

        Assert.Equal([1.0], inside.Select(p => p.Sum));
        Assert.Equal([0.0, 1, 2], fromMidpointToMidpoint.Select(p => p.Sum));
        Assert.Empty(receiver.Histograms(CallDuration, NewYear.AddSeconds(30), NewYear.AddSeconds(60)));
    }

    [Fact]
    public async Task PostTraces_IsCountedAndAnswered()
    {
        using var receiver = new OtlpReceiver(CallDuration);

        using var first = await PostAsync(receiver, "/v1/traces", []);
        using var second = await PostAsync(receiver, "/v1/traces", [0x0A, 0x00]);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        Assert.Equal(2, receiver.TraceExports);
    }

    [Fact]
    public async Task PostLogs_IsAnsweredAndKeepsNothing()
    {
        using var receiver = new OtlpReceiver(CallDuration);

        using var response = await PostAsync(
            receiver, "/v1/logs", Request(Histogram(CallDuration, HistogramDataPoint(NewYear2026, NewYear2026 + Second, 1, [1], [1, 0]))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(receiver.Histograms(CallDuration, DateTimeOffset.MinValue, DateTimeOffset.MaxValue));
        Assert.Equal(0, receiver.TraceExports);
    }

    [Fact]
    public void OpenTelemetryExporter_DeltaHistogramAndCounter_ArriveAsRecorded()
    {
        var meterName = $"CsmsCluster.Bench.Tests.{Guid.NewGuid():N}";
        using var receiver = new OtlpReceiver("test.duration", "test.messages");
        using var meter = new Meter(meterName);
        var duration = meter.CreateHistogram<double>("test.duration", "ms");
        var messages = meter.CreateCounter<long>("test.messages");
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        using var provider = Sdk.CreateMeterProviderBuilder()
            .AddMeter(meterName)
            .AddView("test.duration", new ExplicitBucketHistogramConfiguration { Boundaries = [1, 2.5, 5] })
            .AddOtlpExporter((exporter, reader) =>
            {
                exporter.Endpoint = new Uri(receiver.Endpoint + "/v1/metrics");
                exporter.Protocol = OtlpExportProtocol.HttpProtobuf;
                reader.TemporalityPreference = MetricReaderTemporalityPreference.Delta;
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = 3_600_000;
            })
            .Build();
        foreach (var value in new[] { 0.5, 1.5, 2.5, 7 })
        {
            duration.Record(value, new KeyValuePair<string, object?>("ocpp.action", "MeterValues"));
        }

        messages.Add(2);
        messages.Add(1);

        Assert.True(provider.ForceFlush(10_000));
        var after = DateTimeOffset.UtcNow.AddSeconds(1);
        var histogram = Assert.Single(receiver.Histograms("test.duration", before, after));
        Assert.Equal([1, 2.5, 5], histogram.Bounds);
        Assert.Equal(new ulong[] { 1, 2, 0, 1 }, histogram.Buckets); // 2.5 falls in (1, 2.5]: bounds are inclusive
        Assert.Equal((4UL, 11.5), (histogram.Count, histogram.Sum));
        Assert.Equal(0.5, histogram.Min);
        Assert.Equal(7, histogram.Max);
        Assert.Equal("MeterValues", histogram.Attributes["ocpp.action"]);
        Assert.InRange(histogram.Start, before, histogram.End);
        Assert.InRange(histogram.End, histogram.Start, after);
        Assert.Equal(3, Assert.Single(receiver.Numbers("test.messages", before, after)).Value);
    }

    private static async Task<HttpResponseMessage> PostAsync(OtlpReceiver receiver, string path, byte[] body)
    {
        using var client = new HttpClient();
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
        return await client.PostAsync(new Uri(receiver.Endpoint + path), content, TestContext.Current.CancellationToken);
    }
}
