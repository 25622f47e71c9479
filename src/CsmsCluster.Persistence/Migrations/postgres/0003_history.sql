-- Transaction history. Start columns are NULL while only a (replayed, out of order) stop is known.
CREATE TABLE transactions (
    id              integer     PRIMARY KEY,
    charge_point_id text        NOT NULL,
    connector_id    integer     NOT NULL,
    id_tag          text        NOT NULL,
    start_time      timestamptz NULL,
    meter_start     bigint      NULL,
    reservation_id  integer     NULL,
    stop_time       timestamptz NULL,
    meter_stop      bigint      NULL,
    stop_reason     text        NULL,
    stop_id_tag     text        NULL
);
CREATE INDEX ix_transactions_start_time ON transactions (start_time DESC NULLS LAST, id DESC);
CREATE INDEX ix_transactions_charge_point ON transactions (charge_point_id, start_time DESC NULLS LAST, id DESC);
CREATE INDEX ix_transactions_id_tag ON transactions (id_tag, start_time DESC NULLS LAST, id DESC);

-- Meter values; sampled_value is the charger's JSON text unchanged (json, not jsonb, keeps it byte for byte).
-- The unique key makes a replayed MeterValues message a no-op.
CREATE TABLE meter_values (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    charge_point_id text        NOT NULL,
    connector_id    integer     NOT NULL,
    transaction_id  integer     NULL,
    timestamp       timestamptz NOT NULL,
    sample_hash     bigint      NOT NULL,
    sampled_value   json        NOT NULL,
    CONSTRAINT ux_meter_values_sample UNIQUE (charge_point_id, connector_id, timestamp, sample_hash)
);
CREATE INDEX ix_meter_values_transaction ON meter_values (transaction_id, timestamp, id);
