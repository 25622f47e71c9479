-- Cluster membership. One versioned row per service: every silo status change is a compare-and-swap on `version`.
-- One row per silo start (ids are never reused); status 0 Joining, 1 Active, 2 ShuttingDown, 3 Dead. Times are
-- INTEGER Unix milliseconds from SQLite's own clock (one node, so one clock), never a silo's TimeProvider.
CREATE TABLE membership_cluster (
    service TEXT    NOT NULL PRIMARY KEY,
    version INTEGER NOT NULL
) STRICT;
CREATE TABLE membership_silos (
    service           TEXT    NOT NULL,
    silo_id           TEXT    NOT NULL,
    address           TEXT    NOT NULL,
    port              INTEGER NOT NULL,
    role              TEXT    NOT NULL,
    status            INTEGER NOT NULL CHECK (status BETWEEN 0 AND 3),
    started_at        INTEGER NOT NULL,
    heartbeat_at      INTEGER NOT NULL,
    status_changed_at INTEGER NOT NULL,
    ack_version       INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (service, silo_id)
) STRICT, WITHOUT ROWID;
CREATE TABLE membership_votes (
    service    TEXT    NOT NULL,
    suspect_id TEXT    NOT NULL,
    voter_id   TEXT    NOT NULL,
    voted_at   INTEGER NOT NULL,
    PRIMARY KEY (service, suspect_id, voter_id)
) STRICT, WITHOUT ROWID;
