using System.Data.Common;
using System.Globalization;

namespace CsmsCluster.Persistence;

/// <summary>History reads, with SQL shared by both databases.</summary>
internal sealed class HistoryQueries(StorageDatabase database) : IHistoryQueries
{
    private const string Columns = """
        id, charge_point_id, connector_id, id_tag, start_time, meter_start, reservation_id,
        stop_time, meter_stop, stop_reason, stop_id_tag
        """;

    public async Task<PagedResult<TransactionRecord>> ListTransactionsAsync(TransactionQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (limit, offset) = Paging.Check(query.Page, query.PageSize);
        var filters = new List<string>();
        var parameters = new List<(string Name, object Value)>();
        if (query.ChargePointId is not null)
        {
            filters.Add("charge_point_id = @charge_point_id");
            parameters.Add(("charge_point_id", query.ChargePointId));
        }

        if (query.IdTag is not null)
        {
            filters.Add("id_tag = @id_tag");
            parameters.Add(("id_tag", query.IdTag));
        }

        if (query.From is { } from)
        {
            filters.Add("start_time >= @from");
            parameters.Add(("from", database.ToDb(from)));
        }

        if (query.To is { } to)
        {
            filters.Add("start_time < @to");
            parameters.Add(("to", database.ToDb(to)));
        }

        var where = filters.Count == 0 ? "" : "WHERE " + string.Join(" AND ", filters);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);

        await using var count = connection.CreateCommand($"SELECT count(*) FROM transactions {where}");
        parameters.ForEach(p => count.With(p.Name, p.Value));
        var total = Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);

        await using var select = connection.CreateCommand(
            $"""
            SELECT {Columns} FROM transactions {where}
            ORDER BY start_time DESC NULLS LAST, id DESC
            LIMIT @limit OFFSET @offset
            """);
        parameters.ForEach(p => select.With(p.Name, p.Value));
        select.With("limit", limit).With("offset", offset);
        var items = new List<TransactionRecord>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(ReadTransaction(reader));
        }

        return new PagedResult<TransactionRecord>(items, total, query.Page, query.PageSize);
    }

    public async Task<TransactionRecord?> GetTransactionAsync(int id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand($"SELECT {Columns} FROM transactions WHERE id = @id").With("id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadTransaction(reader) : null;
    }

    public async Task<IReadOnlyList<MeterValueSample>> GetMeterValuesAsync(int transactionId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand(
            """
            SELECT charge_point_id, connector_id, transaction_id, timestamp, sampled_value
            FROM meter_values WHERE transaction_id = @transaction_id
            ORDER BY timestamp, id
            """).With("transaction_id", transactionId);
        var samples = new List<MeterValueSample>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            samples.Add(new MeterValueSample(
                reader.GetString(0),
                reader.GetInt32(1),
                reader.GetNullableInt32(2),
                database.ReadTime(reader, 3),
                reader.GetString(4)));
        }

        return samples;
    }

    private TransactionRecord ReadTransaction(DbDataReader reader) => new(
        reader.GetInt32(0),
        reader.GetString(1),
        reader.GetInt32(2),
        reader.GetString(3),
        database.ReadNullableTime(reader, 4),
        reader.GetNullableInt64(5),
        reader.GetNullableInt32(6),
        database.ReadNullableTime(reader, 7),
        reader.GetNullableInt64(8),
        reader.GetNullableString(9),
        reader.GetNullableString(10));
}
