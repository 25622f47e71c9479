using System.Diagnostics;
using System.Diagnostics.Metrics;
using CsmsCluster.Contracts;

namespace CsmsCluster.Gateway;

/// <summary>
/// The gateway's metrics: the <see cref="Meter"/> <c>CsmsCluster.Gateway</c> for exporters, and running totals that
/// tests and health reports read directly. Instruments with tags are only fed while something listens, so the hot
/// path pays one branch when nobody does.
/// </summary>
public sealed class GatewayMetrics
{
    /// <summary>The meter name.</summary>
    public const string MeterName = "CsmsCluster.Gateway";

    private readonly Counter<long> _opened;
    private readonly Counter<long> _closed;
    private readonly Counter<long> _refused;
    private readonly UpDownCounter<long> _open;
    private readonly Counter<long> _messagesIn;
    private readonly Counter<long> _messagesOut;
    private readonly Counter<long> _rateLimited;
    private readonly Counter<long> _pendingBoots;
    private readonly Histogram<double> _callDuration;
    private readonly Histogram<double> _csmsCallDuration;
    private long _openedTotal;
    private long _closedTotal;
    private long _refusedAtCapacity;
    private long _refusedUpgradeRate;
    private long _rateLimitedTotal;
    private long _pendingBootsTotal;
    private long _floodClosed;
    private long _zombieClosed;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>.</summary>
    public GatewayMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _opened = meter.CreateCounter<long>("csms.gateway.connections.opened", "{connection}", "Charger WebSocket connections accepted.");
        _closed = meter.CreateCounter<long>("csms.gateway.connections.closed", "{connection}", "Charger connections ended, by reason.");
        _refused = meter.CreateCounter<long>("csms.gateway.connections.refused", "{connection}", "Charger upgrades refused, by reason.");
        _open = meter.CreateUpDownCounter<long>("csms.gateway.connections.open", "{connection}", "Charger connections open now.");
        _messagesIn = meter.CreateCounter<long>("csms.gateway.messages.in", "{message}", "Frames received from chargers, by action.");
        _messagesOut = meter.CreateCounter<long>("csms.gateway.messages.out", "{message}", "Frames sent to chargers, by action.");
        _rateLimited = meter.CreateCounter<long>("csms.gateway.messages.rate_limited", "{message}", "Charger CALLs refused by the per-charger rate limit.");
        _pendingBoots = meter.CreateCounter<long>("csms.gateway.boots.pending", "{message}", "BootNotifications answered Pending by a saturated node.");
        _callDuration = meter.CreateHistogram(
            "csms.gateway.call.duration", "s", "Time from receiving a charger's CALL to sending its answer, by action and outcome.", advice: DurationAdvice);
        _csmsCallDuration = meter.CreateHistogram(
            "csms.gateway.csms_call.duration", "s", "Round trip of a CSMS-initiated CALL to a charger, by action and outcome.", advice: DurationAdvice);
    }

    /// <summary>The tag key naming the OCPP action of a message.</summary>
    public const string ActionTag = "ocpp.action";

    /// <summary>The tag key naming how a call ended.</summary>
    public const string OutcomeTag = "ocpp.outcome";

    // Seconds; the exporter's default boundaries suit milliseconds.
    private static readonly InstrumentAdvice<double> DurationAdvice = new()
    {
        HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    };

    /// <summary>Connections accepted since start.</summary>
    public long ConnectionsOpened => Volatile.Read(ref _openedTotal);

    /// <summary>Accepted connections ended since start.</summary>
    public long ConnectionsClosed => Volatile.Read(ref _closedTotal);

    /// <summary>Connections open now.</summary>
    public long OpenConnections => ConnectionsOpened - ConnectionsClosed;

    /// <summary>Upgrades refused because the node was at <see cref="OcppGatewayOptions.MaxConnections"/>.</summary>
    public long RefusedAtCapacity => Volatile.Read(ref _refusedAtCapacity);

    /// <summary>Upgrades refused because the node's upgrade bucket was empty.</summary>
    public long RefusedUpgradeRate => Volatile.Read(ref _refusedUpgradeRate);

    /// <summary>Charger CALLs refused by the per-charger rate limit.</summary>
    public long RateLimitedMessages => Volatile.Read(ref _rateLimitedTotal);

    /// <summary>BootNotifications the gateway answered Pending itself.</summary>
    public long PendingBoots => Volatile.Read(ref _pendingBootsTotal);

    /// <summary>Connections closed with 1008 for flooding past the hard threshold.</summary>
    public long FloodClosed => Volatile.Read(ref _floodClosed);

    /// <summary>Connections closed as zombies after too many unanswered CSMS calls.</summary>
    public long ZombieClosed => Volatile.Read(ref _zombieClosed);

    internal void ConnectionOpened()
    {
        Interlocked.Increment(ref _openedTotal);
        _opened.Add(1);
        _open.Add(1);
    }

    internal void ConnectionClosed(string reason)
    {
        Interlocked.Increment(ref _closedTotal);
        switch (reason)
        {
            case CloseReasons.Flood:
                Interlocked.Increment(ref _floodClosed);
                break;
            case CloseReasons.Zombie:
                Interlocked.Increment(ref _zombieClosed);
                break;
        }

        _open.Add(-1);
        if (_closed.Enabled)
        {
            _closed.Add(1, new KeyValuePair<string, object?>("reason", reason));
        }
    }

    internal void ConnectionRefused(string reason)
    {
        switch (reason)
        {
            case RefusalReasons.AtCapacity:
                Interlocked.Increment(ref _refusedAtCapacity);
                break;
            case RefusalReasons.UpgradeRate:
                Interlocked.Increment(ref _refusedUpgradeRate);
                break;
        }

        if (_refused.Enabled)
        {
            _refused.Add(1, new KeyValuePair<string, object?>("reason", reason));
        }
    }

    internal void MessageIn(string action)
    {
        if (_messagesIn.Enabled)
        {
            _messagesIn.Add(1, new KeyValuePair<string, object?>(ActionTag, action));
        }
    }

    internal void MessageOut(string action)
    {
        if (_messagesOut.Enabled)
        {
            _messagesOut.Add(1, new KeyValuePair<string, object?>(ActionTag, action));
        }
    }

    /// <summary>Records the time a charger's CALL took to answer (<paramref name="answered"/>: CALLRESULT, else CALLERROR).</summary>
    internal void CallAnswered(string action, bool answered, TimeSpan elapsed)
    {
        if (_callDuration.Enabled)
        {
            var tags = new TagList { { ActionTag, action }, { OutcomeTag, answered ? "result" : "error" } };
            _callDuration.Record(elapsed.TotalSeconds, in tags);
        }
    }

    /// <summary>Records the round trip of a CSMS-initiated CALL.</summary>
    internal void CsmsCallEnded(string action, CsmsCallStatus status, TimeSpan elapsed)
    {
        if (_csmsCallDuration.Enabled)
        {
            var tags = new TagList { { ActionTag, action }, { OutcomeTag, OutcomeName(status) } };
            _csmsCallDuration.Record(elapsed.TotalSeconds, in tags);
        }
    }

    /// <summary>The tag value of a call outcome (no allocation).</summary>
    internal static string OutcomeName(CsmsCallStatus status) => status switch
    {
        CsmsCallStatus.Completed => "completed",
        CsmsCallStatus.CallError => "call_error",
        CsmsCallStatus.Timeout => "timeout",
        CsmsCallStatus.NotConnected => "not_connected",
        CsmsCallStatus.Queued => "queued",
        _ => "other",
    };

    internal void MessageRateLimited()
    {
        Interlocked.Increment(ref _rateLimitedTotal);
        _rateLimited.Add(1);
    }

    internal void BootAnsweredPending()
    {
        Interlocked.Increment(ref _pendingBootsTotal);
        _pendingBoots.Add(1);
    }
}
