namespace CsmsCluster.Persistence;

/// <summary>Brings the database schema up to the version this build needs.</summary>
public interface IDatabaseMigrator
{
    /// <summary>
    /// Applies every pending migration, once per process (later calls return at once). Safe when several nodes
    /// start together: on PostgreSQL the work runs under a transaction-scoped advisory lock, on SQLite under the
    /// database write lock, so each migration is applied exactly once.
    /// </summary>
    Task MigrateAsync(CancellationToken cancellationToken);
}
