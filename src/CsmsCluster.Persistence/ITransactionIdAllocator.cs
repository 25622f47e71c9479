namespace CsmsCluster.Persistence;

/// <summary>Allocates OCPP transaction ids that are unique across every node sharing the database.</summary>
public interface ITransactionIdAllocator
{
    /// <summary>
    /// Returns a new id, greater than 0 and at most <see cref="int.MaxValue"/>, never returned before by any
    /// allocator on the same database. Ids are reserved from the database in blocks, so most calls complete
    /// synchronously; ids are unique but not gap-free nor ordered across nodes.
    /// </summary>
    ValueTask<int> NextAsync(CancellationToken cancellationToken);
}
