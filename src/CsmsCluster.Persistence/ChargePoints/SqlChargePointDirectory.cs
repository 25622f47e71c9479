using System.Data.Common;
using System.Globalization;

namespace CsmsCluster.Persistence;

/// <summary>The charge point listing projection on either database.</summary>
internal sealed class SqlChargePointDirectory(StorageDatabase database) : IChargePointDirectory
{
    private const string Columns =
        "id, site_id, ocpp_version, connected, node_id, last_seen, vendor, model, firmware_version, updated_at";

    public async Task UpsertAsync(ChargePointSummary summary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(summary);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand(
            $"""
            INSERT INTO charge_points ({Columns})
            VALUES (@id, @site_id, @ocpp_version, @connected, @node_id, @last_seen, @vendor, @model, @firmware_version, @updated_at)
            ON CONFLICT (id) DO UPDATE SET
                site_id = excluded.site_id,
                ocpp_version = excluded.ocpp_version,
                connected = excluded.connected,
                node_id = excluded.node_id,
                last_seen = excluded.last_seen,
                vendor = excluded.vendor,
                model = excluded.model,
                firmware_version = excluded.firmware_version,
                updated_at = excluded.updated_at
            """)
            .With("id", summary.Id)
            .With("site_id", summary.SiteId)
            .With("ocpp_version", summary.OcppVersion)
            .With("connected", summary.Connected)
            .With("node_id", summary.NodeId)
            .With("last_seen", database.ToDb(summary.LastSeen))
            .With("vendor", summary.Vendor)
            .With("model", summary.Model)
            .With("firmware_version", summary.FirmwareVersion)
            .With("updated_at", database.ToDb(summary.UpdatedAt));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<ChargePointSummary?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand($"SELECT {Columns} FROM charge_points WHERE id = @id").With("id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task<PagedResult<ChargePointSummary>> ListAsync(string? siteId, int page, int pageSize, CancellationToken cancellationToken)
    {
        var (limit, offset) = Paging.Check(page, pageSize);
        var where = siteId is null ? "" : "WHERE site_id = @site_id";
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var count = connection.CreateCommand($"SELECT count(*) FROM charge_points {where}");
        await using var select = connection.CreateCommand(
            $"SELECT {Columns} FROM charge_points {where} ORDER BY id LIMIT @limit OFFSET @offset")
            .With("limit", limit).With("offset", offset);
        if (siteId is not null)
        {
            count.With("site_id", siteId);
            select.With("site_id", siteId);
        }

        var total = Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        var items = new List<ChargePointSummary>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(Read(reader));
        }

        return new PagedResult<ChargePointSummary>(items, total, page, pageSize);
    }

    private ChargePointSummary Read(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetNullableString(1),
        reader.GetNullableString(2),
        reader.GetBoolean(3),
        reader.GetNullableString(4),
        database.ReadNullableTime(reader, 5),
        reader.GetNullableString(6),
        reader.GetNullableString(7),
        reader.GetNullableString(8),
        database.ReadTime(reader, 9));
}
