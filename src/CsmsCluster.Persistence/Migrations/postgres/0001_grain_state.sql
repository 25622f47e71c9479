-- Grain state with version fencing: one row per grain (real primary key), every write names the version it read.
CREATE TABLE grain_state (
    service    text        NOT NULL,
    grain_type text        NOT NULL,
    grain_key  text        NOT NULL,
    version    bigint      NOT NULL,
    payload    bytea       NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (service, grain_type, grain_key)
);
