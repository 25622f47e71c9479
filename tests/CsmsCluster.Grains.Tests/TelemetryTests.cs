using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using CsmsCluster.Grains.Tests.Grains;
using CsmsCluster.Grains.Tests.Infrastructure;

namespace CsmsCluster.Grains.Tests;

/// <summary>Spans and metrics under the name <c>CsmsCluster.Grains</c>.</summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task Call_WithListener_EmitsCallAndActivateSpans()
    {
        var key = GrainIds.NewKey("turn");
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == GrainRuntime.TelemetryName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.GetTagItem("grain.id") as string == $"test-turn/{key}")
                {
                    spans.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        await using var silo = await TestSilo.StartAsync();

        await silo.Factory.GetGrain<ITurnGrain>(key).AddAsync(1, 2);

        await Eventually.WaitAsync(() => spans.Count == 2, TestSilo.Guard, "a call span and an activation span");
        Assert.Equal(["ITurnGrain/AddAsync", "grain activate"], spans.Select(s => s.OperationName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task MailboxRejection_WithMeterListener_IsCounted()
    {
        await using var silo = await TestSilo.StartAsync(o => o.MailboxCapacity = 1);
        long rejections = 0;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Scope == silo.MeterFactory && instrument.Meter.Name == GrainRuntime.TelemetryName
                    && instrument.Name == "csms.grains.mailbox.rejections")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref rejections, value));
        listener.Start();
        var key = GrainIds.NewKey("turn");
        var grain = silo.Factory.GetGrain<ITurnGrain>(key);
        var running = grain.BlockAsync("gate-" + key);
        await Eventually.WaitAsync(() => silo.Probe.Count("block-started:" + key) == 1, TestSilo.Guard, "the call to start");
        var queued = grain.TouchAsync().AsTask();

        await Assert.ThrowsAsync<GrainOverloadedException>(() => grain.TouchAsync().AsTask());

        Assert.Equal(1, Interlocked.Read(ref rejections));
        silo.Probe.Open("gate-" + key);
        await Task.WhenAll(running, queued).WaitAsync(TestSilo.Guard, TestContext.Current.CancellationToken);
    }
}
