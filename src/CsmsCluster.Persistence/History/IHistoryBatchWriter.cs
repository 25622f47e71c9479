namespace CsmsCluster.Persistence;

/// <summary>Writes a batch of history entries in one database transaction (all or nothing).</summary>
internal interface IHistoryBatchWriter
{
    Task WriteAsync(IReadOnlyList<HistoryEntry> batch, CancellationToken cancellationToken);
}
