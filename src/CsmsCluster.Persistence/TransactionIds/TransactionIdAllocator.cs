namespace CsmsCluster.Persistence;

/// <summary>
/// Hands out transaction ids from blocks reserved in the database (hi/lo): one round trip per block, the rest
/// complete synchronously. Unused ids of a block are lost when the process stops, which is fine: ids need only be
/// unique. Safe for concurrent callers.
/// </summary>
internal sealed class TransactionIdAllocator(StorageDatabase database) : ITransactionIdAllocator
{
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _refill = new(1, 1);
    private int _next; // 0 when the current block is used up
    private int _end; // last id of the current block (inclusive: a block may end at int.MaxValue)

    public ValueTask<int> NextAsync(CancellationToken cancellationToken) =>
        TryTake(out var id) ? ValueTask.FromResult(id) : RefillAndTakeAsync(cancellationToken);

    private bool TryTake(out int id)
    {
        lock (_lock)
        {
            if (_next != 0 && _next <= _end)
            {
                id = _next;
                _next = _next == _end ? 0 : _next + 1;
                return true;
            }
        }

        id = 0;
        return false;
    }

    private async ValueTask<int> RefillAndTakeAsync(CancellationToken cancellationToken)
    {
        await _refill.WaitAsync(cancellationToken);
        try
        {
            // Another caller may have refilled while this one waited.
            if (TryTake(out var id))
            {
                return id;
            }

            var (first, count) = await database.ReserveTransactionIdBlockAsync(cancellationToken);
            if (first < 1 || count < 1 || (long)first + count - 1 > int.MaxValue)
            {
                throw new InvalidOperationException($"The database returned an invalid transaction id block ({first}, {count}).");
            }

            lock (_lock)
            {
                _end = first + count - 1; // inclusive
                _next = count == 1 ? 0 : first + 1;
            }

            return first;
        }
        finally
        {
            _refill.Release();
        }
    }
}
