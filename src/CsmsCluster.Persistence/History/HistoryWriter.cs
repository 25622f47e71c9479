using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CsmsCluster.Persistence;

/// <summary>
/// Group-commit history writer. Callers enqueue into a bounded channel (waiting when it is full) and await their
/// entry's completion; one background loop takes everything queued, up to the batch limit, and commits it in one
/// database transaction. There is no batching delay: at low load a batch is one entry, under load batches fill
/// while the previous one commits. Stopping completes the channel and drains it before returning.
/// </summary>
internal sealed class HistoryWriter : IHistoryWriter, IHostedService, IAsyncDisposable
{
    private readonly Channel<HistoryEntry> _queue;
    private readonly IHistoryBatchWriter _batchWriter;
    private readonly Func<Exception, bool> _isDataError;
    private readonly ILogger<HistoryWriter> _logger;
    private readonly HistoryMetrics _metrics;
    private readonly int _maxBatchSize;
    private readonly string _databaseName;
    private readonly CancellationTokenSource _abort = new();
    private Task? _loop;

    public HistoryWriter(
        StorageDatabase database,
        IHistoryBatchWriter batchWriter,
        HistoryMetrics metrics,
        IOptions<StorageOptions> options,
        ILogger<HistoryWriter> logger)
    {
        _queue = Channel.CreateBounded<HistoryEntry>(new BoundedChannelOptions(options.Value.HistoryQueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
        _batchWriter = batchWriter;
        _isDataError = database.IsDataError;
        _databaseName = database is PostgresStorageDatabase ? "postgresql" : "sqlite";
        _logger = logger;
        _maxBatchSize = options.Value.HistoryMaxBatchSize;
        _metrics = metrics;
        _metrics.QueueDepth = () => _queue.Reader.Count;
    }

    /// <summary>Entries waiting for the writer (for tests and metrics).</summary>
    internal int QueuedCount => _queue.Reader.Count;

    public ValueTask RecordTransactionStartedAsync(TransactionStarted transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return EnqueueAsync(new HistoryEntry(transaction), "transaction_started", cancellationToken);
    }

    public ValueTask RecordTransactionStoppedAsync(TransactionStopped transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return EnqueueAsync(new HistoryEntry(transaction), "transaction_stopped", cancellationToken);
    }

    public ValueTask RecordMeterValuesAsync(IReadOnlyList<MeterValueSample> samples, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(samples);
        return samples.Count == 0 ? ValueTask.CompletedTask : EnqueueAsync(new HistoryEntry(samples), "meter_values", cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Task.Run so the loop never runs on the host's start-up thread; the task is awaited in StopAsync.
        _loop ??= Task.Run(RunAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        if (_loop is null)
        {
            FailQueued();
            return;
        }

        try
        {
            await _loop.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host's shutdown timeout ran out: abandon the drain; callers still waiting get an error.
            await _abort.CancelAsync();
            await _loop;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        _abort.Dispose();
    }

    private async ValueTask EnqueueAsync(HistoryEntry entry, string kind, CancellationToken cancellationToken)
    {
        // A child of the caller's span (the grain call): the time its message waits for the group commit.
        using var activity = PersistenceTelemetry.ActivitySource.StartActivity("history write");
        if (activity is not null)
        {
            activity.SetTag("csms.history.entry", kind);
            entry.Producer = activity.Context;
        }

        if (!_queue.Writer.TryWrite(entry))
        {
            try
            {
                await _queue.Writer.WriteAsync(entry, cancellationToken);
            }
            catch (ChannelClosedException ex)
            {
                throw new InvalidOperationException(
                    "The history writer has stopped (the host is shutting down); the entry was not written.", ex);
            }
        }

        // Cancelling here only stops waiting: the entry is queued and may still be committed (outcome unknown).
        await entry.Completion.WaitAsync(cancellationToken);
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<HistoryEntry>(Math.Min(_maxBatchSize, 1024));
        try
        {
            while (await reader.WaitToReadAsync(_abort.Token))
            {
                while (batch.Count < _maxBatchSize && reader.TryRead(out var entry))
                {
                    batch.Add(entry);
                }

                await WriteAsync(batch);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (_abort.IsCancellationRequested)
        {
            FailQueued();
        }
    }

    private async Task WriteAsync(List<HistoryEntry> batch)
    {
        using var activity = StartCommitActivity(batch);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await _batchWriter.WriteAsync(batch, _abort.Token);
            _metrics.Committed(batch.Count, started);
            batch.ForEach(e => e.Succeed());
        }
        catch (Exception ex) when (batch.Count > 1 && _isDataError(ex) && !_abort.IsCancellationRequested)
        {
            activity?.SetStatus(ActivityStatusCode.Error, "retried entry by entry");
            // One bad entry must not fail the others: find it by writing each entry alone.
            PersistenceLog.HistoryBatchRetryingEntries(_logger, batch.Count, ex);
            foreach (var entry in batch)
            {
                await WriteAsync([entry]);
            }
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            PersistenceLog.HistoryBatchFailed(_logger, batch.Count, ex);
            _metrics.Failed(batch.Count);
            batch.ForEach(e => e.Fail(ex));
        }
    }

    /// <summary>
    /// The span of one batch. The writer loop works for no single request, so a batch is the root of its own trace
    /// (or a child of the failed batch it retries) with links to the <c>history write</c> spans it carries.
    /// </summary>
    private Activity? StartCommitActivity(List<HistoryEntry> batch)
    {
        if (!PersistenceTelemetry.ActivitySource.HasListeners())
        {
            return null;
        }

        List<ActivityLink>? links = null;
        foreach (var entry in batch)
        {
            if (entry.Producer != default)
            {
                (links ??= new List<ActivityLink>(Math.Min(batch.Count, PersistenceTelemetry.MaxLinks))).Add(new ActivityLink(entry.Producer));
                if (links.Count == PersistenceTelemetry.MaxLinks)
                {
                    break;
                }
            }
        }

        return PersistenceTelemetry.ActivitySource.StartActivity("history commit", ActivityKind.Internal, default(ActivityContext), tags: null, links: links)
            ?.SetTag("db.system.name", _databaseName)
            .SetTag("csms.history.batch.size", batch.Count);
    }

    private void FailQueued()
    {
        var count = 0;
        while (_queue.Reader.TryRead(out var entry))
        {
            entry.Fail(new InvalidOperationException("The history writer stopped before writing this entry."));
            count++;
        }

        if (count > 0)
        {
            PersistenceLog.HistoryWriterAborted(_logger, count);
            _metrics.Failed(count);
        }
    }
}
