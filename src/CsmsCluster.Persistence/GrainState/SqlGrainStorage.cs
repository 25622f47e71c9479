using System.Data.Common;
using System.Runtime.InteropServices;
using CsmsCluster.Grains;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CsmsCluster.Persistence;

/// <summary>
/// Version-fenced grain state (G2) on either database: a claim bumps the version in one upsert, and writes and
/// clears succeed only against the version the activation holds.
/// </summary>
internal sealed class SqlGrainStorage : IGrainStorage
{
    private const string Key = "service = @service AND grain_type = @type AND grain_key = @key";

    private readonly StorageDatabase _database;
    private readonly ILogger<SqlGrainStorage> _logger;
    private readonly string _serviceId;
    private readonly string _claimSql;
    private readonly string _writeSql;
    private readonly string _clearSql;

    public SqlGrainStorage(StorageDatabase database, IOptions<StorageOptions> options, ILogger<SqlGrainStorage> logger)
    {
        _database = database;
        _logger = logger;
        _serviceId = options.Value.ServiceId;
        var now = database.NowSql;
        _claimSql = $"""
            INSERT INTO grain_state (service, grain_type, grain_key, version, payload, updated_at)
            VALUES (@service, @type, @key, 1, NULL, {now})
            ON CONFLICT (service, grain_type, grain_key)
            DO UPDATE SET version = grain_state.version + 1, updated_at = {now}
            RETURNING version, payload
            """;
        _writeSql = $"""
            UPDATE grain_state SET payload = @payload, version = version + 1, updated_at = {now}
            WHERE {Key} AND version = @expected
            RETURNING version
            """;
        _clearSql = $"""
            UPDATE grain_state SET payload = NULL, version = version + 1, updated_at = {now}
            WHERE {Key} AND version = @expected
            RETURNING version
            """;
    }

    public async Task<GrainStateRecord> ClaimAsync(GrainId grainId, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await using var command = WithKey(connection.CreateCommand(_claimSql), grainId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw new InvalidOperationException($"Claiming grain {grainId} returned no row.");
        }

        var payload = reader.IsDBNull(1) ? null : reader.GetFieldValue<byte[]>(1);
        return new GrainStateRecord(payload, reader.GetInt64(0));
    }

    public Task<long> WriteAsync(GrainId grainId, ReadOnlyMemory<byte> payload, long expectedVersion, CancellationToken cancellationToken) =>
        UpdateAsync(_writeSql, grainId, AsArray(payload), expectedVersion, cancellationToken);

    public Task<long> ClearAsync(GrainId grainId, long expectedVersion, CancellationToken cancellationToken) =>
        UpdateAsync(_clearSql, grainId, payload: null, expectedVersion, cancellationToken);

    private async Task<long> UpdateAsync(string sql, GrainId grainId, byte[]? payload, long expectedVersion, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await using var command = WithKey(connection.CreateCommand(sql), grainId).With("expected", expectedVersion);
        if (payload is not null)
        {
            command.With("payload", payload);
        }

        if (await command.ExecuteScalarAsync(cancellationToken) is { } version)
        {
            return Convert.ToInt64(version, System.Globalization.CultureInfo.InvariantCulture);
        }

        var stored = await ReadVersionAsync(connection, grainId, cancellationToken);
        var storedText = stored?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "absent";
        PersistenceLog.StaleWrite(_logger, grainId.ToString(), expectedVersion, storedText);
        throw new InconsistentStateException(
            $"State write for grain {grainId} rejected: this activation holds version {expectedVersion} but the stored " +
            $"version is {storedText}; another activation has claimed or written the grain since.");
    }

    private async Task<long?> ReadVersionAsync(DbConnection connection, GrainId grainId, CancellationToken cancellationToken)
    {
        await using var command = WithKey(connection.CreateCommand($"SELECT version FROM grain_state WHERE {Key}"), grainId);
        return await command.ExecuteScalarAsync(cancellationToken) is { } version
            ? Convert.ToInt64(version, System.Globalization.CultureInfo.InvariantCulture)
            : null;
    }

    private DbCommand WithKey(DbCommand command, GrainId grainId) =>
        command.With("service", _serviceId).With("type", grainId.Type).With("key", grainId.Key);

    private static byte[] AsArray(ReadOnlyMemory<byte> payload) =>
        MemoryMarshal.TryGetArray(payload, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : payload.ToArray();
}
