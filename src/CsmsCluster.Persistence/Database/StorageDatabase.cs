using System.Data.Common;

namespace CsmsCluster.Persistence;

/// <summary>
/// The one place that knows which database is behind the stores: connections, transactions and the mapping of
/// timestamps (PostgreSQL <c>timestamptz</c>; SQLite INTEGER Unix milliseconds, UTC). Stores share SQL text and
/// ask this class for the few provider-specific parts.
/// </summary>
internal abstract class StorageDatabase : IAsyncDisposable, IDisposable
{
    /// <summary>Name of the provider's migration folder (resource prefix <c>migrations/{name}/</c>).</summary>
    public abstract string Name { get; }

    /// <summary>A SQL expression for the database clock's current time in the column representation.</summary>
    public abstract string NowSql { get; }

    public abstract ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>A connection for cluster membership (heartbeats, views, votes), which must not wait behind the data
    /// traffic for a pooled connection. Default: the same pool.</summary>
    public virtual ValueTask<DbConnection> OpenControlConnectionAsync(CancellationToken cancellationToken) => OpenConnectionAsync(cancellationToken);

    /// <summary>
    /// A connection for the membership agent's heartbeat thread alone, opened with blocking I/O: the lease must be
    /// renewed without a thread-pool thread (an overloaded node may have none for seconds) and without waiting for a
    /// pooled connection that a stalled asynchronous membership call still holds.
    /// </summary>
    public abstract DbConnection OpenHeartbeatConnection();

    /// <summary>Begins a transaction that takes the write lock at once (SQLite <c>BEGIN IMMEDIATE</c>).</summary>
    public virtual async ValueTask<DbTransaction> BeginWriteTransactionAsync(
        DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(cancellationToken);

    /// <summary>Serialises migrations across processes inside <paramref name="transaction"/>.</summary>
    public abstract Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>Reserves the next block of transaction ids; returns its first id and its size.</summary>
    public abstract Task<(int First, int Count)> ReserveTransactionIdBlockAsync(CancellationToken cancellationToken);

    /// <summary>Whether a failed history batch should be retried entry by entry (the data, not the database, failed).</summary>
    public abstract bool IsDataError(Exception exception);

    public abstract object ToDb(DateTimeOffset value);

    public object ToDb(DateTimeOffset? value) => value is { } v ? ToDb(v) : DBNull.Value;

    public abstract DateTimeOffset ReadTime(DbDataReader reader, int ordinal);

    public DateTimeOffset? ReadNullableTime(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : ReadTime(reader, ordinal);

    public abstract ValueTask DisposeAsync();

    public abstract void Dispose();

    public static StorageDatabase Create(StorageOptions options) =>
        options.IsPostgres
            ? new PostgresStorageDatabase(options.EffectiveConnectionString)
            : new SqliteStorageDatabase(options.EffectiveConnectionString, options.SqliteBusyTimeout);
}
