using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace CsmsCluster.Gateway.Tests;

public sealed class GatewayMetricsTests
{
    [Fact]
    public void Instruments_ReportTaggedMeasurements_AndTotalsAreKept()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var factory = services.GetRequiredService<IMeterFactory>();
        var metrics = new GatewayMetrics(factory);
        var seen = new List<(string Instrument, long Value, string? Tag)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == GatewayMetrics.MeterName && instrument.Meter.Scope == factory)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            seen.Add((instrument.Name, value, tags.Length > 0 ? $"{tags[0].Key}={tags[0].Value}" : null)));
        listener.Start();

        metrics.ConnectionOpened();
        metrics.MessageIn("Heartbeat");
        metrics.MessageOut("Heartbeat");
        metrics.MessageRateLimited();
        metrics.BootAnsweredPending();
        metrics.ConnectionRefused(RefusalReasons.AtCapacity);
        metrics.ConnectionClosed(CloseReasons.Flood);

        Assert.Contains(("csms.gateway.connections.opened", 1L, (string?)null), seen);
        Assert.Contains(("csms.gateway.connections.open", 1L, (string?)null), seen);
        Assert.Contains(("csms.gateway.connections.open", -1L, (string?)null), seen);
        Assert.Contains(("csms.gateway.messages.in", 1L, "ocpp.action=Heartbeat"), seen);
        Assert.Contains(("csms.gateway.messages.out", 1L, "ocpp.action=Heartbeat"), seen);
        Assert.Contains(("csms.gateway.messages.rate_limited", 1L, (string?)null), seen);
        Assert.Contains(("csms.gateway.boots.pending", 1L, (string?)null), seen);
        Assert.Contains(("csms.gateway.connections.refused", 1L, "reason=at_capacity"), seen);
        Assert.Contains(("csms.gateway.connections.closed", 1L, "reason=flood"), seen);
        Assert.Equal((1, 1, 0), (metrics.ConnectionsOpened, metrics.ConnectionsClosed, metrics.OpenConnections));
        Assert.Equal((1, 1, 1, 1), (metrics.RefusedAtCapacity, metrics.RateLimitedMessages, metrics.PendingBoots, metrics.FloodClosed));
    }
}
