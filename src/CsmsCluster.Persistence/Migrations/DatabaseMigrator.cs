using System.Data.Common;
using Microsoft.Extensions.Logging;

namespace CsmsCluster.Persistence;

/// <summary>
/// Applies the embedded migrations in one transaction, recording each in <c>schema_version</c>. Concurrent nodes
/// serialise on a lock (PostgreSQL advisory lock, SQLite write lock) and re-read the applied versions under it,
/// so every migration runs exactly once.
/// </summary>
internal sealed class DatabaseMigrator(StorageDatabase database, ILogger<DatabaseMigrator> logger) : IDatabaseMigrator
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _done;

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        if (_done)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_done)
            {
                await MigrateOnceAsync(cancellationToken);
                _done = true;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task MigrateOnceAsync(CancellationToken cancellationToken)
    {
        var migrations = Migration.Load(database.Name);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        if (database is SqliteStorageDatabase)
        {
            // Persistent per database file, and not allowed inside a transaction.
            await using var wal = connection.CreateCommand("PRAGMA journal_mode = WAL");
            await wal.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var transaction = await database.BeginWriteTransactionAsync(connection, cancellationToken);
        await database.LockForMigrationAsync(connection, transaction, cancellationToken);
        await ExecuteAsync(connection, transaction, SchemaVersionTableSql(), cancellationToken);
        var applied = await ReadAppliedVersionsAsync(connection, transaction, cancellationToken);
        var count = 0;
        foreach (var migration in migrations.Where(m => !applied.Contains(m.Version)))
        {
            PersistenceLog.ApplyingMigration(logger, database.Name, migration.Version, migration.Name);
            await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
            await using var record = connection.CreateCommand(
                $"INSERT INTO schema_version (version, name, applied_at) VALUES (@version, @name, {database.NowSql})", transaction)
                .With("version", migration.Version)
                .With("name", migration.Name);
            await record.ExecuteNonQueryAsync(cancellationToken);
            count++;
        }

        await transaction.CommitAsync(cancellationToken);
        PersistenceLog.SchemaUpToDate(logger, database.Name, migrations.Count == 0 ? 0 : migrations[^1].Version, count);
    }

    private string SchemaVersionTableSql() =>
        $"""
        CREATE TABLE IF NOT EXISTS schema_version (
            version    integer PRIMARY KEY,
            name       text    NOT NULL,
            applied_at {(database is SqliteStorageDatabase ? "integer" : "timestamptz")} NOT NULL
        )
        """;

    private static async Task<HashSet<int>> ReadAppliedVersionsAsync(
        DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var applied = new HashSet<int>();
        await using var command = connection.CreateCommand("SELECT version FROM schema_version", transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            applied.Add(reader.GetInt32(0));
        }

        return applied;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(sql, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
