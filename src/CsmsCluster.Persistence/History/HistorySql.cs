namespace CsmsCluster.Persistence;

/// <summary>History statements shared by both databases (both speak <c>ON CONFLICT</c> with <c>excluded</c>).</summary>
internal static class HistorySql
{
    /// <summary>
    /// Idempotent start: a repeat changes nothing; a row created by an earlier-arriving stop gets its start fields.
    /// </summary>
    public const string InsertStarted = """
        INSERT INTO transactions (id, charge_point_id, connector_id, id_tag, start_time, meter_start, reservation_id)
        VALUES (@id, @charge_point_id, @connector_id, @id_tag, @start_time, @meter_start, @reservation_id)
        ON CONFLICT (id) DO UPDATE SET
            connector_id = excluded.connector_id,
            id_tag = excluded.id_tag,
            start_time = excluded.start_time,
            meter_start = excluded.meter_start,
            reservation_id = excluded.reservation_id
        WHERE transactions.start_time IS NULL
        """;

    /// <summary>
    /// Idempotent stop: the first stop wins. For an unknown id the row is created with connector 0 and the stop
    /// id tag (or "") as id tag, to be completed by a later start.
    /// </summary>
    public const string UpsertStopped = """
        INSERT INTO transactions (id, charge_point_id, connector_id, id_tag, stop_time, meter_stop, stop_reason, stop_id_tag)
        VALUES (@id, @charge_point_id, 0, @id_tag, @stop_time, @meter_stop, @stop_reason, @stop_id_tag)
        ON CONFLICT (id) DO UPDATE SET
            stop_time = excluded.stop_time,
            meter_stop = excluded.meter_stop,
            stop_reason = excluded.stop_reason,
            stop_id_tag = excluded.stop_id_tag
        WHERE transactions.stop_time IS NULL
        """;

    /// <summary>Storage key of a sample's JSON: the stable 64-bit hash, reinterpreted as a signed bigint.</summary>
    public static long SampleHash(string sampledValueJson) =>
        unchecked((long)Grains.StableHashing.Hash(sampledValueJson));

    /// <summary>Open transactions (started, not stopped) for the <c>csms.transactions.active</c> gauge.</summary>
    public const string CountActiveTransactions =
        "SELECT count(*) FROM transactions WHERE stop_time IS NULL AND start_time IS NOT NULL";
}
