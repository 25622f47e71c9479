namespace CsmsCluster.Persistence;

/// <summary>Readiness probe for the database (used by <c>/readyz</c>).</summary>
public interface IStorageHealth
{
    /// <summary>Runs a trivial query; true when the database answered, false when it could not be reached.</summary>
    Task<bool> CheckAsync(CancellationToken cancellationToken);
}
