using System.Data.Common;
using System.Globalization;
using CsmsCluster.Grains.Cluster;
using Microsoft.Extensions.Options;

namespace CsmsCluster.Persistence;

/// <summary>
/// The membership table on either database. A status change runs in one write transaction: first the
/// compare-and-swap on the cluster row (<c>UPDATE ... WHERE version = @expected</c>, which also serialises
/// concurrent changes), then the silo update; if the silo update does not apply, the transaction rolls back and the
/// version stays.
/// </summary>
internal sealed class SqlMembershipStore(StorageDatabase database, IOptions<StorageOptions> options) : IMembershipStore
{
    private readonly MembershipSql _sql = new(database);
    private readonly string _service = options.Value.ServiceId;

    // A heartbeat that takes longer is no use to a 10 s lease; failing it lets the thread try again (and fence on time).
    private const int HeartbeatTimeoutSeconds = 5;

    public async Task<MembershipSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenControlConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand(_sql.Read).With("service", _service);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        long version = 0;
        var silos = new List<SiloEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            version = reader.GetInt64(0);
            if (!reader.IsDBNull(1))
            {
                silos.Add(new SiloEntry(
                    reader.GetString(1),
                    reader.GetString(2),
                    reader.GetInt32(3),
                    reader.GetString(4),
                    (SiloStatus)reader.GetInt32(5),
                    database.ReadTime(reader, 6),
                    database.ReadTime(reader, 7),
                    TimeSpan.FromMilliseconds(Math.Max(0, reader.GetInt64(8))),
                    reader.GetInt64(9)));
            }
        }

        silos.Sort((a, b) => string.CompareOrdinal(a.SiloId, b.SiloId));
        return new MembershipSnapshot(version, silos);
    }

    public async Task<bool> TryInsertJoiningAsync(SiloRegistration silo, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var inserted = await ChangeAsync(expectedVersion, async (connection, transaction) =>
        {
            await using var command = connection.CreateCommand(_sql.InsertJoining, transaction)
                .With("service", _service).With("id", silo.SiloId).With("address", silo.Address)
                .With("port", silo.Port).With("role", silo.Role);
            return await command.ExecuteNonQueryAsync(cancellationToken) == 1 ? ChangeResult.Applied : ChangeResult.NotApplied;
        }, cancellationToken);
        return inserted switch
        {
            ChangeResult.Applied => true,
            ChangeResult.VersionConflict => false,
            _ => throw new InvalidOperationException(
                $"Silo id '{silo.SiloId}' is already in the membership table; a silo id is used for one process start only."),
        };
    }

    public async Task<bool> TryChangeStatusAsync(string siloId, SiloStatus from, SiloStatus to, long expectedVersion, CancellationToken cancellationToken)
    {
        if (to <= from)
        {
            throw new ArgumentException($"A silo's status only moves forward ({from} -> {to} is not allowed).", nameof(to));
        }

        return await ChangeAsync(expectedVersion, async (connection, transaction) =>
        {
            await using var command = connection.CreateCommand(_sql.ChangeStatus, transaction)
                .With("service", _service).With("id", siloId).With("from", (int)from).With("to", (int)to);
            return await command.ExecuteNonQueryAsync(cancellationToken) == 1 ? ChangeResult.Applied : ChangeResult.NotApplied;
        }, cancellationToken) == ChangeResult.Applied;
    }

    public SiloStatus? Heartbeat(string siloId)
    {
        using var connection = database.OpenHeartbeatConnection();
        using var command = connection.CreateCommand(_sql.Heartbeat).With("service", _service).With("id", siloId);
        command.CommandTimeout = HeartbeatTimeoutSeconds;
        var status = command.ExecuteScalar();
        if (status is null)
        {
            using var read = connection.CreateCommand(MembershipSql.ReadStatus).With("service", _service).With("id", siloId);
            status = read.ExecuteScalar();
        }

        return status is null ? null : (SiloStatus)Convert.ToInt32(status, CultureInfo.InvariantCulture);
    }

    public async Task<bool> VoteAsync(string suspectId, string voterId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenControlConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand(_sql.Vote)
            .With("service", _service).With("suspect", suspectId).With("voter", voterId);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<DeathDeclarationResult> TryDeclareDeadAsync(string suspectId, DeathRule rule, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var outcome = DeathDeclarationResult.NotEnoughEvidence;
        var result = await ChangeAsync(expectedVersion, async (connection, transaction) =>
        {
            await using var command = connection.CreateCommand(_sql.DeclareDead, transaction)
                .With("service", _service).With("suspect", suspectId)
                .With("leaseMs", (long)rule.LeaseExpiry.TotalMilliseconds)
                .With("voteMs", (long)rule.VoteExpiry.TotalMilliseconds)
                .With("minVotes", rule.MinimumVotes)
                .With("watchers", rule.Watchers);
            if (await command.ExecuteNonQueryAsync(cancellationToken) == 1)
            {
                return ChangeResult.Applied;
            }

            outcome = await ReadStatusAsync(connection, transaction, suspectId, cancellationToken) switch
            {
                null => DeathDeclarationResult.NotFound,
                SiloStatus.Dead => DeathDeclarationResult.AlreadyDead,
                _ => DeathDeclarationResult.NotEnoughEvidence,
            };
            return ChangeResult.NotApplied;
        }, cancellationToken);
        return result switch
        {
            ChangeResult.Applied => DeathDeclarationResult.Declared,
            ChangeResult.VersionConflict => DeathDeclarationResult.VersionConflict,
            _ => outcome,
        };
    }

    public async Task AcknowledgeAsync(string siloId, long version, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenControlConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand(MembershipSql.Acknowledge)
            .With("service", _service).With("id", siloId).With("version", version);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<int> RemoveDeadAsync(TimeSpan retention, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenControlConnectionAsync(cancellationToken);
        await using var transaction = await database.BeginWriteTransactionAsync(connection, cancellationToken);
        await using var silos = connection.CreateCommand(_sql.RemoveDead, transaction)
            .With("service", _service).With("retentionMs", (long)retention.TotalMilliseconds);
        var removed = await silos.ExecuteNonQueryAsync(cancellationToken);
        await using var votes = connection.CreateCommand(MembershipSql.RemoveOrphanVotes, transaction).With("service", _service);
        await votes.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return removed;
    }

    // The compare-and-swap: bump the version if it is still the expected one, then apply the change; commit only
    // when both happened.
    private async Task<ChangeResult> ChangeAsync(
        long expectedVersion, Func<DbConnection, DbTransaction, Task<ChangeResult>> change, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenControlConnectionAsync(cancellationToken);
        await using var transaction = await database.BeginWriteTransactionAsync(connection, cancellationToken);
        await using var bump = connection.CreateCommand(MembershipSql.BumpVersion(expectedVersion), transaction)
            .With("service", _service).With("expected", expectedVersion);
        if (await bump.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            return ChangeResult.VersionConflict;
        }

        var result = await change(connection, transaction);
        if (result == ChangeResult.Applied)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        else
        {
            await transaction.RollbackAsync(cancellationToken);
        }

        return result;
    }

    private async Task<SiloStatus?> ReadStatusAsync(DbConnection connection, DbTransaction? transaction, string siloId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(MembershipSql.ReadStatus, transaction).With("service", _service).With("id", siloId);
        return await command.ExecuteScalarAsync(cancellationToken) is { } status
            ? (SiloStatus)Convert.ToInt32(status, CultureInfo.InvariantCulture)
            : null;
    }

    private enum ChangeResult
    {
        Applied,
        NotApplied,
        VersionConflict,
    }
}
