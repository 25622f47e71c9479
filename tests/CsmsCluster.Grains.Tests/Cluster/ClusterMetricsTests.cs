using System.Diagnostics.Metrics;
using CsmsCluster.Grains.Cluster;

namespace CsmsCluster.Grains.Tests.Cluster;

/// <summary>The membership instruments follow the agent: nodes in view, view version, deaths declared, fencing.</summary>
public sealed class ClusterMetricsTests
{
    [Fact]
    public async Task Metrics_FollowTheViewDeathsAndFencing()
    {
        var database = new ManualTimeProvider();
        var store = new InMemoryMembershipStore(database);
        await using var a = await TestClusterSilo.StartAsync(store, "silo-a");
        await using var b = await TestClusterSilo.StartAsync(store, "silo-b");
        await a.Agent.RefreshAsync(TestContext.Current.CancellationToken);
        using var recorder = new Recorder(a.Metrics, b.Metrics);

        recorder.Collect();
        Assert.Equal(2, recorder.Last("csms.cluster.nodes", a.Metrics));
        Assert.Equal((await store.ReadAsync(TestContext.Current.CancellationToken)).Version, recorder.Last("csms.cluster.view.version", a.Metrics));

        // b goes silent past its lease on the database clock: a declares it dead; then b's heartbeat finds it dead.
        database.Advance(a.Options.LeaseExpiry + TimeSpan.FromSeconds(1));
        a.Agent.Heartbeat();
        await a.Agent.RefreshAsync(TestContext.Current.CancellationToken);
        b.Agent.Heartbeat();

        recorder.Collect();
        Assert.Equal(1, recorder.Last("csms.cluster.nodes", a.Metrics));
        Assert.Equal(1, recorder.Sum("csms.cluster.deaths", a.Metrics));
        Assert.Equal(0, recorder.Sum("csms.cluster.fenced", a.Metrics));
        Assert.Equal(1, recorder.Sum("csms.cluster.fenced", b.Metrics));
    }

    /// <summary>Listens to the instruments of given <see cref="ClusterMetrics"/> (each has its own meter here).</summary>
    private sealed class Recorder : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly Dictionary<(Meter, string), List<long>> _values = [];

        public Recorder(params ClusterMetrics[] metrics)
        {
            var meters = new HashSet<Meter>();
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Name.StartsWith("csms.cluster.", StringComparison.Ordinal) && meters.Contains(instrument.Meter))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((i, v, _, _) => Add(i, v));
            _listener.SetMeasurementEventCallback<int>((i, v, _, _) => Add(i, v));
            foreach (var m in metrics)
            {
                var meter = MeterOf(m);
                meters.Add(meter);
            }

            _listener.Start();
        }

        public void Collect() => _listener.RecordObservableInstruments();

        public long Last(string name, ClusterMetrics metrics) => Values(name, metrics)[^1];

        public long Sum(string name, ClusterMetrics metrics) => Values(name, metrics).Sum();

        public void Dispose() => _listener.Dispose();

        private static Meter MeterOf(ClusterMetrics metrics) => metrics.Meter;

        private List<long> Values(string name, ClusterMetrics metrics)
        {
            lock (_values)
            {
                return _values.TryGetValue((MeterOf(metrics), name), out var list) ? [.. list] : [0];
            }
        }

        private void Add(Instrument instrument, long value)
        {
            lock (_values)
            {
                var key = (instrument.Meter, instrument.Name);
                if (!_values.TryGetValue(key, out var list))
                {
                    _values[key] = list = [];
                }

                list.Add(value);
            }
        }
    }
}
