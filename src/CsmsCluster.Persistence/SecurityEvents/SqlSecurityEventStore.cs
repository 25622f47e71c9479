using System.Data.Common;
using System.Globalization;

namespace CsmsCluster.Persistence;

/// <summary>Security events on either database.</summary>
internal sealed class SqlSecurityEventStore(StorageDatabase database) : ISecurityEventStore
{
    private const string Columns = "charge_point_id, timestamp, type, tech_info, received_at";

    public async Task AppendAsync(SecurityEventEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand(
            $"INSERT INTO security_events ({Columns}) VALUES (@cp, @ts, @type, @info, @received) ON CONFLICT DO NOTHING")
            .With("cp", entry.ChargePointId)
            .With("ts", database.ToDb(entry.Timestamp))
            .With("type", entry.Type)
            .With("info", entry.TechInfo)
            .With("received", database.ToDb(entry.ReceivedAt));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<PagedResult<SecurityEventEntry>> QueryAsync(SecurityEventQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (limit, offset) = Paging.Check(query.Page, query.PageSize);
        var filters = new List<(string Sql, string Name, object Value)>();
        if (query.ChargePointId is { } cp)
        {
            filters.Add(("charge_point_id = @cp", "cp", cp));
        }
        if (query.Type is { } type)
        {
            filters.Add(("type = @type", "type", type));
        }
        if (query.From is { } from)
        {
            filters.Add(("timestamp >= @from", "from", database.ToDb(from)));
        }
        if (query.To is { } to)
        {
            filters.Add(("timestamp < @to", "to", database.ToDb(to)));
        }
        var where = filters.Count == 0 ? "" : "WHERE " + string.Join(" AND ", filters.Select(f => f.Sql));

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var count = connection.CreateCommand($"SELECT count(*) FROM security_events {where}");
        filters.ForEach(f => count.With(f.Name, f.Value));
        var total = Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        await using var select = connection.CreateCommand(
            $"SELECT {Columns} FROM security_events {where} ORDER BY timestamp DESC, charge_point_id, type LIMIT @limit OFFSET @offset");
        filters.ForEach(f => select.With(f.Name, f.Value));
        select.With("limit", limit).With("offset", offset);
        var items = new List<SecurityEventEntry>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(Read(reader));
        }

        return new PagedResult<SecurityEventEntry>(items, total, query.Page, query.PageSize);
    }

    private SecurityEventEntry Read(DbDataReader reader) => new(
        reader.GetString(0),
        database.ReadTime(reader, 1),
        reader.GetString(2),
        reader.GetNullableString(3),
        database.ReadTime(reader, 4));
}
