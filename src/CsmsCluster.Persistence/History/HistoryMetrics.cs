using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CsmsCluster.Persistence;

/// <summary>
/// Metrics of the history writer (Meter <c>CsmsCluster.Persistence</c>): database ingest is the first limit under
/// load, so batch sizes, commit latency, queue depth and failures are what an operator needs to see.
/// </summary>
internal sealed class HistoryMetrics
{
    public const string MeterName = "CsmsCluster.Persistence";

    private readonly Histogram<int> _batchSize;
    private readonly Histogram<double> _commitDuration;
    private readonly Counter<long> _failedEntries;

    public HistoryMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _batchSize = meter.CreateHistogram<int>("csms.history.batch.size", "{entry}", "History entries committed per database transaction.");
        _commitDuration = meter.CreateHistogram<double>("csms.history.commit.duration", "s", "Time to write and commit one history batch.");
        _failedEntries = meter.CreateCounter<long>("csms.history.failed", "{entry}", "History entries whose write failed (callers got the error).");
        meter.CreateObservableGauge("csms.history.queue.depth", () => QueueDepth?.Invoke() ?? 0, "{entry}", "History entries waiting for the writer.");
    }

    /// <summary>Reads the current queue depth; set by the writer that owns the queue.</summary>
    public Func<int>? QueueDepth { get; set; }

    public void Committed(int entries, long startTimestamp)
    {
        _batchSize.Record(entries);
        _commitDuration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds);
    }

    public void Failed(int entries) => _failedEntries.Add(entries);
}
