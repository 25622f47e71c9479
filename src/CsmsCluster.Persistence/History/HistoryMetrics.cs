using System.Data.Common;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;

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

    private static readonly TimeSpan CountTimeout = TimeSpan.FromSeconds(5);

    private readonly StorageDatabase _database;

    public HistoryMetrics(IMeterFactory meterFactory, StorageDatabase database)
    {
        _database = database;
        var meter = meterFactory.Create(MeterName);
        _batchSize = meter.CreateHistogram<int>("csms.history.batch.size", "{entry}", "History entries committed per database transaction.");
        _commitDuration = meter.CreateHistogram<double>("csms.history.commit.duration", "s", "Time to write and commit one history batch.");
        _failedEntries = meter.CreateCounter<long>("csms.history.failed", "{entry}", "History entries whose write failed (callers got the error).");
        meter.CreateObservableGauge("csms.history.queue.depth", () => QueueDepth?.Invoke() ?? 0, "{entry}", "History entries waiting for the writer.");
        meter.CreateObservableGauge(
            "csms.transactions.active",
            ObserveActiveTransactions,
            "{transaction}",
            "Transactions started and not stopped, database-wide (every node reports the same value: aggregate with max, not sum).");
    }

    /// <summary>Reads the current queue depth; set by the writer that owns the queue.</summary>
    public Func<int>? QueueDepth { get; set; }

    public void Committed(int entries, long startTimestamp)
    {
        _batchSize.Record(entries);
        _commitDuration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds);
    }

    public void Failed(int entries) => _failedEntries.Add(entries);

    /// <summary>
    /// Counts open transactions when a metric reader collects (only then: nothing runs while nobody listens). The
    /// callback runs on the reader's own export thread, so waiting for one short query there is acceptable; a failed
    /// or slow count reports no value rather than a wrong one.
    /// </summary>
    private IEnumerable<Measurement<long>> ObserveActiveTransactions()
    {
        try
        {
            using var timeout = new CancellationTokenSource(CountTimeout);
            return [new Measurement<long>(CountActiveTransactionsAsync(timeout.Token).GetAwaiter().GetResult())];
        }
        catch (Exception ex) when (ex is DbException or OperationCanceledException or InvalidOperationException or TimeoutException)
        {
            return [];
        }
    }

    private async Task<long> CountActiveTransactionsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand(HistorySql.CountActiveTransactions);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }
}
