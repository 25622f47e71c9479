using System.Diagnostics.Metrics;
using CsmsCluster.Grains.Telemetry;

namespace CsmsCluster.Grains.Cluster;

/// <summary>
/// Membership instruments on the runtime's meter (<c>CsmsCluster.Grains</c>): the nodes in this node's view by role,
/// the view's version, heartbeat failures, deaths this node declared, and fencing.
/// </summary>
public sealed class ClusterMetrics : IDisposable
{
    private readonly Meter _meter;
    private readonly Counter<long> _heartbeatFailures;
    private readonly Counter<long> _deaths;
    private readonly Counter<long> _fenced;
    private Func<MembershipView?> _view = () => null;

    /// <summary>Creates the instruments (a meter of its own when no factory is given).</summary>
    public ClusterMetrics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(GrainTelemetry.Name) ?? new Meter(GrainTelemetry.Name);
        _heartbeatFailures = _meter.CreateCounter<long>("csms.cluster.heartbeat.failures", "{heartbeat}", "Heartbeats that could not be written.");
        _deaths = _meter.CreateCounter<long>("csms.cluster.deaths", "{node}", "Nodes this node declared dead, by evidence (lease or votes).");
        _fenced = _meter.CreateCounter<long>("csms.cluster.fenced", "{event}", "Times this node fenced itself.");
        _meter.CreateObservableGauge("csms.cluster.nodes", ObserveNodes, "{node}", "Active nodes with fresh leases in this node's view, by role.");
        _meter.CreateObservableGauge("csms.cluster.view.version", () => _view()?.Version ?? 0, "{version}", "The cluster version of this node's adopted view.");
    }

    /// <summary>Reports the view of <paramref name="agent"/>.</summary>
    public void Observe(SiloMembershipAgent agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        _view = () => agent.Current;
    }

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();

    /// <summary>The meter the instruments belong to.</summary>
    internal Meter Meter => _meter;

    internal void HeartbeatFailed() => _heartbeatFailures.Add(1);

    internal void DeclaredDead(string evidence) => _deaths.Add(1, new KeyValuePair<string, object?>("evidence", evidence));

    internal void Fenced() => _fenced.Add(1);

    private IEnumerable<Measurement<int>> ObserveNodes() =>
        _view() is { } view
            ? view.ActiveSilos.GroupBy(s => s.Role).Select(g => new Measurement<int>(g.Count(), new KeyValuePair<string, object?>("role", g.Key)))
            : [];
}
