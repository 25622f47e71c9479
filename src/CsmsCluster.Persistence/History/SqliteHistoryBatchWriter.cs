using System.Data.Common;

namespace CsmsCluster.Persistence;

/// <summary>SQLite: one IMMEDIATE transaction per batch, one prepared command per statement kind.</summary>
internal sealed class SqliteHistoryBatchWriter(StorageDatabase database) : IHistoryBatchWriter
{
    private const string InsertMeterValue = """
        INSERT INTO meter_values (charge_point_id, connector_id, transaction_id, timestamp, sample_hash, sampled_value)
        VALUES (@charge_point_id, @connector_id, @transaction_id, @timestamp, @sample_hash, @sampled_value)
        ON CONFLICT (charge_point_id, connector_id, timestamp, sample_hash) DO NOTHING
        """;

    public async Task WriteAsync(IReadOnlyList<HistoryEntry> batch, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await database.BeginWriteTransactionAsync(connection, cancellationToken);
        DbCommand? started = null, stopped = null, meter = null;
        try
        {
            foreach (var entry in batch)
            {
                switch (entry.Item)
                {
                    case TransactionStarted s:
                        started ??= Prepare(connection, transaction, HistorySql.InsertStarted,
                            "id", "charge_point_id", "connector_id", "id_tag", "start_time", "meter_start", "reservation_id");
                        started.Set("id", s.Id);
                        started.Set("charge_point_id", s.ChargePointId);
                        started.Set("connector_id", s.ConnectorId);
                        started.Set("id_tag", s.IdTag);
                        started.Set("start_time", database.ToDb(s.StartTime));
                        started.Set("meter_start", s.MeterStart);
                        started.Set("reservation_id", s.ReservationId);
                        await started.ExecuteNonQueryAsync(cancellationToken);
                        break;
                    case TransactionStopped s:
                        stopped ??= Prepare(connection, transaction, HistorySql.UpsertStopped,
                            "id", "charge_point_id", "id_tag", "stop_time", "meter_stop", "stop_reason", "stop_id_tag");
                        stopped.Set("id", s.Id);
                        stopped.Set("charge_point_id", s.ChargePointId);
                        stopped.Set("id_tag", s.StopIdTag ?? "");
                        stopped.Set("stop_time", database.ToDb(s.StopTime));
                        stopped.Set("meter_stop", s.MeterStop);
                        stopped.Set("stop_reason", s.StopReason);
                        stopped.Set("stop_id_tag", s.StopIdTag);
                        await stopped.ExecuteNonQueryAsync(cancellationToken);
                        break;
                    case IReadOnlyList<MeterValueSample> samples:
                        meter ??= Prepare(connection, transaction, InsertMeterValue,
                            "charge_point_id", "connector_id", "transaction_id", "timestamp", "sample_hash", "sampled_value");
                        foreach (var sample in samples)
                        {
                            meter.Set("charge_point_id", sample.ChargePointId);
                            meter.Set("connector_id", sample.ConnectorId);
                            meter.Set("transaction_id", sample.TransactionId);
                            meter.Set("timestamp", database.ToDb(sample.Timestamp));
                            meter.Set("sample_hash", HistorySql.SampleHash(sample.SampledValueJson));
                            meter.Set("sampled_value", sample.SampledValueJson);
                            await meter.ExecuteNonQueryAsync(cancellationToken);
                        }

                        break;
                    default:
                        throw new InvalidOperationException($"Unknown history entry {entry.Item.GetType().Name}.");
                }
            }

            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await DisposeAsync(started);
            await DisposeAsync(stopped);
            await DisposeAsync(meter);
        }
    }

    private static DbCommand Prepare(DbConnection connection, DbTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand(sql, transaction);
        foreach (var name in parameters)
        {
            command.With(name, null);
        }

        command.Prepare();
        return command;
    }

    private static ValueTask DisposeAsync(DbCommand? command) => command?.DisposeAsync() ?? ValueTask.CompletedTask;
}
