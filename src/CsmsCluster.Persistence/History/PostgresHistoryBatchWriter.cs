using Npgsql;

namespace CsmsCluster.Persistence;

/// <summary>
/// PostgreSQL: one transaction per batch sent as a single <see cref="NpgsqlBatch"/> (one round trip for the
/// statements, one for the commit). Transaction events are one statement each, in arrival order; all meter values
/// of the batch go in one multi-row insert over <c>unnest</c> of parameter arrays.
/// </summary>
internal sealed class PostgresHistoryBatchWriter(PostgresStorageDatabase database) : IHistoryBatchWriter
{
    private const string InsertMeterValues = """
        INSERT INTO meter_values (charge_point_id, connector_id, transaction_id, timestamp, sample_hash, sampled_value)
        SELECT charge_point_id, connector_id, transaction_id, ts, sample_hash, sampled_value::json
        FROM unnest(@charge_point_id, @connector_id, @transaction_id, @timestamp, @sample_hash, @sampled_value)
            AS t (charge_point_id, connector_id, transaction_id, ts, sample_hash, sampled_value)
        ON CONFLICT (charge_point_id, connector_id, timestamp, sample_hash) DO NOTHING
        """;

    public async Task WriteAsync(IReadOnlyList<HistoryEntry> batch, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var npgsqlBatch = new NpgsqlBatch(connection, transaction);
        var samples = new List<MeterValueSample>();
        foreach (var entry in batch)
        {
            switch (entry.Item)
            {
                case TransactionStarted s:
                    npgsqlBatch.BatchCommands.Add(new NpgsqlBatchCommand(HistorySql.InsertStarted)
                    {
                        Parameters =
                        {
                            new("id", s.Id), new("charge_point_id", s.ChargePointId), new("connector_id", s.ConnectorId),
                            new("id_tag", s.IdTag), new("start_time", s.StartTime.ToUniversalTime()),
                            new("meter_start", s.MeterStart), new("reservation_id", (object?)s.ReservationId ?? DBNull.Value),
                        },
                    });
                    break;
                case TransactionStopped s:
                    npgsqlBatch.BatchCommands.Add(new NpgsqlBatchCommand(HistorySql.UpsertStopped)
                    {
                        Parameters =
                        {
                            new("id", s.Id), new("charge_point_id", s.ChargePointId), new("id_tag", s.StopIdTag ?? ""),
                            new("stop_time", s.StopTime.ToUniversalTime()), new("meter_stop", s.MeterStop),
                            new("stop_reason", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)s.StopReason ?? DBNull.Value },
                            new("stop_id_tag", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)s.StopIdTag ?? DBNull.Value },
                        },
                    });
                    break;
                case IReadOnlyList<MeterValueSample> list:
                    samples.AddRange(list);
                    break;
                default:
                    throw new InvalidOperationException($"Unknown history entry {entry.Item.GetType().Name}.");
            }
        }

        if (samples.Count > 0)
        {
            npgsqlBatch.BatchCommands.Add(MeterValuesCommand(samples));
        }

        await npgsqlBatch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static NpgsqlBatchCommand MeterValuesCommand(List<MeterValueSample> samples)
    {
        var chargePoints = new string[samples.Count];
        var connectors = new int[samples.Count];
        var transactions = new int?[samples.Count];
        var timestamps = new DateTimeOffset[samples.Count];
        var hashes = new long[samples.Count];
        var values = new string[samples.Count];
        for (var i = 0; i < samples.Count; i++)
        {
            var sample = samples[i];
            chargePoints[i] = sample.ChargePointId;
            connectors[i] = sample.ConnectorId;
            transactions[i] = sample.TransactionId;
            timestamps[i] = sample.Timestamp.ToUniversalTime();
            hashes[i] = HistorySql.SampleHash(sample.SampledValueJson);
            values[i] = sample.SampledValueJson;
        }

        return new NpgsqlBatchCommand(InsertMeterValues)
        {
            Parameters =
            {
                new("charge_point_id", chargePoints), new("connector_id", connectors), new("transaction_id", transactions),
                new("timestamp", timestamps), new("sample_hash", hashes), new("sampled_value", values),
            },
        };
    }
}
