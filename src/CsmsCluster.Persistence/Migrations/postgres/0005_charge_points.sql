-- Listing projection of charge points, upserted by the ChargePoint grain (the owner of the data).
CREATE TABLE charge_points (
    id               text        PRIMARY KEY,
    site_id          text        NULL,
    ocpp_version     text        NULL,
    connected        boolean     NOT NULL,
    node_id          text        NULL,
    last_seen        timestamptz NULL,
    vendor           text        NULL,
    model            text        NULL,
    firmware_version text        NULL,
    updated_at       timestamptz NOT NULL
);
CREATE INDEX ix_charge_points_site ON charge_points (site_id, id);
