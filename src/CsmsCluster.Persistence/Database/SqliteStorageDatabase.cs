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

    public override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
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

    public override DbConnection OpenHeartbeatConnection()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            using var pragmas = connection.CreateCommand(_connectionPragmas);
            pragmas.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
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
        await using var connection = await OpenConnectionAsync(cancellationToken);
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
