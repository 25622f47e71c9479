using System.Data.Common;
using System.Globalization;

namespace CsmsCluster.Persistence;

/// <summary>The authorization list on either database.</summary>
internal sealed class SqlIdTagStore(StorageDatabase database) : IIdTagStore
{
    private const string Columns = "id_tag, status, expiry_date, parent_id_tag, updated_at";

    public async Task<IdTagRecord?> GetAsync(string idTag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(idTag);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand($"SELECT {Columns} FROM id_tags WHERE id_tag = @id_tag").With("id_tag", idTag);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task PutAsync(IdTagRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand(
            $"""
            INSERT INTO id_tags ({Columns}) VALUES (@id_tag, @status, @expiry_date, @parent_id_tag, @updated_at)
            ON CONFLICT (id_tag) DO UPDATE SET
                status = excluded.status,
                expiry_date = excluded.expiry_date,
                parent_id_tag = excluded.parent_id_tag,
                updated_at = excluded.updated_at
            """)
            .With("id_tag", record.IdTag)
            .With("status", record.Status)
            .With("expiry_date", database.ToDb(record.ExpiryDate))
            .With("parent_id_tag", record.ParentIdTag)
            .With("updated_at", database.ToDb(record.UpdatedAt));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> DeleteAsync(string idTag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(idTag);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand("DELETE FROM id_tags WHERE id_tag = @id_tag").With("id_tag", idTag);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<PagedResult<IdTagRecord>> ListAsync(int page, int pageSize, CancellationToken cancellationToken)
    {
        var (limit, offset) = Paging.Check(page, pageSize);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var count = connection.CreateCommand("SELECT count(*) FROM id_tags");
        var total = Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        await using var select = connection.CreateCommand($"SELECT {Columns} FROM id_tags ORDER BY id_tag LIMIT @limit OFFSET @offset")
            .With("limit", limit).With("offset", offset);
        var items = new List<IdTagRecord>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(Read(reader));
        }

        return new PagedResult<IdTagRecord>(items, total, page, pageSize);
    }

    private IdTagRecord Read(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        database.ReadNullableTime(reader, 2),
        reader.GetNullableString(3),
        database.ReadTime(reader, 4));
}
