-- Security events (OCPP 1.6 security extension), kept for queries by charger, type and time. A replayed
-- notification (same charger, time and type) is stored once.
CREATE TABLE security_events (
    charge_point_id TEXT    NOT NULL,
    timestamp       INTEGER NOT NULL,
    type            TEXT    NOT NULL,
    tech_info       TEXT    NULL,
    received_at     INTEGER NOT NULL,
    PRIMARY KEY (charge_point_id, timestamp, type)
) STRICT;
CREATE INDEX ix_security_events_time ON security_events (timestamp);
