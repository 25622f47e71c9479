-- Security events (OCPP 1.6 security extension), kept for queries by charger, type and time. A replayed
-- notification (same charger, time and type) is stored once.
CREATE TABLE security_events (
    charge_point_id text        NOT NULL,
    timestamp       timestamptz NOT NULL,
    type            text        NOT NULL,
    tech_info       text        NULL,
    received_at     timestamptz NOT NULL,
    PRIMARY KEY (charge_point_id, timestamp, type)
);
CREATE INDEX ix_security_events_time ON security_events (timestamp);
