using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace CsmsCluster.Persistence;

/// <summary>The embedded single-node database. Times are INTEGER Unix milliseconds (UTC).</summary>
internal sealed class SqliteStorageDatabase : StorageDatabase
{
    /// <summary>Ids reserved per allocation round trip; any size is safe because the counter row moves atomically.</summary>
    private const int TransactionIdBlockSize = 64;

    private readonly string _connectionString;
    private readonly string _connectionPragmas;

    // SQLite has one writer at a time. Writers of this process queue here, without holding a thread, instead of
    // meeting in SQLite's busy handler, which sleeps the calling thread in growing steps (up to 100 ms) and lets a
    // late writer overtake an early one. The busy timeout still covers writers of other processes and the
    // membership heartbeats, which do not queue behind data writes.
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    public SqliteStorageDatabase(string connectionString, TimeSpan busyTimeout)
    {
        _connectionString = connectionString;
        // Per connection: WAL makes synchronous=NORMAL safe against process crashes (a commit survives once
        // written to the WAL); the busy timeout lets concurrent writers queue instead of failing at once.
        _connectionPragmas = $"PRAGMA busy_timeout = {(int)busyTimeout.TotalMilliseconds}; PRAGMA synchronous = NORMAL;";
        CreateDirectory(connectionString);
    }

    public override string Name => "sqlite";

    // julianday keeps milliseconds; unixepoch('subsec') would need SQLite 3.42.
    public override string NowSql => "CAST(ROUND((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER)";

    public override ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        OpenAsync(new SqliteConnection(_connectionString), cancellationToken);

    public override async ValueTask<DbConnection> OpenWriteConnectionAsync(CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        return await OpenAsync(new WriterConnection(_connectionString, _writeGate), cancellationToken);
    }

    private async ValueTask<DbConnection> OpenAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var pragmas = connection.CreateCommand(_connectionPragmas);
            await pragmas.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public override ValueTask<DbTransaction> BeginWriteTransactionAsync(DbConnection connection, CancellationToken cancellationToken) =>
        // BEGIN IMMEDIATE: a deferred transaction that reads first could not upgrade to a writer under contention.
        ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    public override async Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        // The IMMEDIATE transaction already holds the database write lock; WAL is a persistent database setting
        // that cannot change inside a transaction, so it was set before (see DatabaseMigrator).
        await Task.CompletedTask;
    }

    public override async Task<(int First, int Count)> ReserveTransactionIdBlockAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenWriteConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand(
            """
            UPDATE id_allocator SET next_value = next_value + @count
            WHERE name = 'transaction' AND next_value + @count - 1 <= 2147483647
            RETURNING next_value - @count
            """).With("count", TransactionIdBlockSize);
        var first = await command.ExecuteScalarAsync(cancellationToken)
            ?? throw new InvalidOperationException("Transaction ids are exhausted (the int32 range is used up).");
        return (checked((int)(long)first), TransactionIdBlockSize);
    }

    public override bool IsDataError(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: not (SQLitePCL.raw.SQLITE_BUSY or SQLitePCL.raw.SQLITE_LOCKED or SQLitePCL.raw.SQLITE_IOERR or SQLitePCL.raw.SQLITE_FULL) };

    public override object ToDb(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    public override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) =>
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));

    public override ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    public override void Dispose()
    {
        // Release pooled handles so the file can be deleted or moved once the host is gone.
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    /// <summary>A pooled connection that holds the process's write turn until it is disposed.</summary>
    private sealed class WriterConnection(string connectionString, SemaphoreSlim gate) : SqliteConnection(connectionString)
    {
        private int _released;

        public override async ValueTask DisposeAsync()
        {
            try
            {
                await base.DisposeAsync();
            }
            finally
            {
                Release();
            }
        }

        protected override void Dispose(bool disposing)
        {
            try
            {
                base.Dispose(disposing);
            }
            finally
            {
                Release();
            }
        }

        private void Release()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }

    private static void CreateDirectory(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var dataSource = builder.DataSource;
        if (builder.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(dataSource) || dataSource == ":memory:"
            || dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }
}
