namespace CsmsCluster.Persistence;

/// <summary>Reads the transaction and meter value history.</summary>
public interface IHistoryQueries
{
    /// <summary>Lists transactions matching the query, newest start first (then by id, descending).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Page below 1, or page size outside 1 to 1,000.</exception>
    Task<PagedResult<TransactionRecord>> ListTransactionsAsync(TransactionQuery query, CancellationToken cancellationToken);

    /// <summary>Returns the transaction, or null when unknown.</summary>
    Task<TransactionRecord?> GetTransactionAsync(int id, CancellationToken cancellationToken);

    /// <summary>Returns the transaction's meter values ordered by timestamp, then by arrival.</summary>
    Task<IReadOnlyList<MeterValueSample>> GetMeterValuesAsync(int transactionId, CancellationToken cancellationToken);
}
