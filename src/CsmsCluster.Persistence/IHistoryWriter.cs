namespace CsmsCluster.Persistence;

/// <summary>
/// Durable history of transactions and meter values, written in batches off the request path. Each call completes
/// only when the database transaction holding its entry has committed (group commit), so a message acknowledged
/// to the charger after awaiting it is never lost. A full queue makes callers wait; nothing is dropped. After the
/// writer has stopped, calls fail with <see cref="InvalidOperationException"/>. Every write is idempotent, so a
/// charger replaying a message never counts it twice.
/// </summary>
public interface IHistoryWriter
{
    /// <summary>
    /// Records a started transaction. A repeat for a known id changes nothing. If a stop for the id arrived first,
    /// the start fields fill in that row.
    /// </summary>
    ValueTask RecordTransactionStartedAsync(TransactionStarted transaction, CancellationToken cancellationToken);

    /// <summary>
    /// Records the end of a transaction; the first stop wins and repeats change nothing. A stop for an unknown id
    /// creates the row with connector 0 and id tag <see cref="TransactionStopped.StopIdTag"/> (or "" when absent),
    /// which a later start for the id fills in.
    /// </summary>
    ValueTask RecordTransactionStoppedAsync(TransactionStopped transaction, CancellationToken cancellationToken);

    /// <summary>
    /// Records meter value samples. A sample already stored (same charge point, connector, timestamp and
    /// sampledValue JSON) is skipped, so a replayed MeterValues message is not counted twice.
    /// </summary>
    ValueTask RecordMeterValuesAsync(IReadOnlyList<MeterValueSample> samples, CancellationToken cancellationToken);
}
