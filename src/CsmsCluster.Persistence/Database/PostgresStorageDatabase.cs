using System.Data.Common;
using Npgsql;

namespace CsmsCluster.Persistence;

/// <summary>
/// PostgreSQL through a pooled <see cref="NpgsqlDataSource"/>, plus a small pool of its own for cluster membership and
/// one connection for the heartbeat thread, so heartbeats never queue behind grain storage, history writes or other
/// membership calls for a connection (a starved heartbeat would make a busy but healthy node lose its lease). Times
/// are <c>timestamptz</c>.
/// </summary>
internal sealed class PostgresStorageDatabase(string connectionString) : StorageDatabase
{
    /// <summary>Key of the advisory lock that serialises schema migrations across nodes.</summary>
    private const long MigrationLockKey = 0x6373_6d73_6d69_6731; // "csmsmig1"

    private const int ControlPoolSize = 4;

    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connectionString);
    private readonly NpgsqlDataSource _controlSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString)
    {
        MaxPoolSize = ControlPoolSize,
        MinPoolSize = 0,
        ApplicationName = "csms-membership",
    }.ConnectionString);
    private readonly NpgsqlDataSource _heartbeatSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString)
    {
        MaxPoolSize = 1, // one heartbeat thread; its connection stays open between beats
        MinPoolSize = 0,
        ApplicationName = "csms-heartbeat",
    }.ConnectionString);
    private int _transactionIdBlockSize;

    public override string Name => "postgres";

    public override string NowSql => "now()";

    public NpgsqlDataSource DataSource => _dataSource;

    public override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    public override async ValueTask<DbConnection> OpenControlConnectionAsync(CancellationToken cancellationToken) =>
        await _controlSource.OpenConnectionAsync(cancellationToken);

    public override DbConnection OpenHeartbeatConnection() => _heartbeatSource.OpenConnection();

    public override async Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        // Transaction-scoped: released by commit or rollback, and by the server if this node dies mid-migration.
        await using var command = connection.CreateCommand("SELECT pg_advisory_xact_lock(@key)", transaction)
            .With("key", MigrationLockKey);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public override async Task<(int First, int Count)> ReserveTransactionIdBlockAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        if (_transactionIdBlockSize == 0)
        {
            // The block size is the sequence's increment, so every node agrees on it (see migration 0002).
            await using var size = connection.CreateCommand(
                "SELECT increment_by FROM pg_sequences WHERE schemaname = current_schema() AND sequencename = 'transaction_id_seq'");
            _transactionIdBlockSize = checked((int)(long)(await size.ExecuteScalarAsync(cancellationToken)
                ?? throw new InvalidOperationException("The sequence transaction_id_seq is missing; run the migrations.")));
        }

        await using var next = connection.CreateCommand("SELECT nextval('transaction_id_seq')");
        var first = (long)(await next.ExecuteScalarAsync(cancellationToken))!;
        return (checked((int)first), _transactionIdBlockSize);
    }

    // A server-side error about this statement (constraint, encoding, missing table); not a lost connection.
    public override bool IsDataError(Exception exception) =>
        exception is PostgresException { IsTransient: false } postgres && !postgres.SqlState.StartsWith("57", StringComparison.Ordinal);

    public override object ToDb(DateTimeOffset value) => value.ToUniversalTime();

    public override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) =>
        reader.GetFieldValue<DateTimeOffset>(ordinal);

    public override async ValueTask DisposeAsync()
    {
        await _heartbeatSource.DisposeAsync();
        await _controlSource.DisposeAsync();
        await _dataSource.DisposeAsync();
    }

    public override void Dispose()
    {
        _heartbeatSource.Dispose();
        _controlSource.Dispose();
        _dataSource.Dispose();
    }
}
