-- Transaction history. Start columns are NULL while only a (replayed, out of order) stop is known.
CREATE TABLE transactions (
    id              INTEGER PRIMARY KEY,
    charge_point_id TEXT    NOT NULL,
    connector_id    INTEGER NOT NULL,
    id_tag          TEXT    NOT NULL,
    start_time      INTEGER NULL,
    meter_start     INTEGER NULL,
    reservation_id  INTEGER NULL,
    stop_time       INTEGER NULL,
    meter_stop      INTEGER NULL,
    stop_reason     TEXT    NULL,
    stop_id_tag     TEXT    NULL
) STRICT;
CREATE INDEX ix_transactions_start_time ON transactions (start_time DESC, id DESC);
CREATE INDEX ix_transactions_charge_point ON transactions (charge_point_id, start_time DESC, id DESC);
CREATE INDEX ix_transactions_id_tag ON transactions (id_tag, start_time DESC, id DESC);

-- Meter values; sampled_value is the charger's JSON text unchanged. The unique key makes a replay a no-op.
CREATE TABLE meter_values (
    id              INTEGER PRIMARY KEY,
    charge_point_id TEXT    NOT NULL,
    connector_id    INTEGER NOT NULL,
    transaction_id  INTEGER NULL,
    timestamp       INTEGER NOT NULL,
    sample_hash     INTEGER NOT NULL,
    sampled_value   TEXT    NOT NULL,
    CONSTRAINT ux_meter_values_sample UNIQUE (charge_point_id, connector_id, timestamp, sample_hash)
) STRICT;
CREATE INDEX ix_meter_values_transaction ON meter_values (transaction_id, timestamp, id);
