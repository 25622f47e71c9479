-- Listing projection of charge points, upserted by the ChargePoint grain (the owner of the data).
CREATE TABLE charge_points (
    id               TEXT    PRIMARY KEY,
    site_id          TEXT    NULL,
    ocpp_version     TEXT    NULL,
    connected        INTEGER NOT NULL,
    node_id          TEXT    NULL,
    last_seen        INTEGER NULL,
    vendor           TEXT    NULL,
    model            TEXT    NULL,
    firmware_version TEXT    NULL,
    updated_at       INTEGER NOT NULL
) STRICT;
CREATE INDEX ix_charge_points_site ON charge_points (site_id, id);
