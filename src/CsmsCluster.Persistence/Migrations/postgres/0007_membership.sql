-- Cluster membership. One versioned row per service: every silo status change is a compare-and-swap on `version`.
-- One row per silo start (ids are never reused); status 0 Joining, 1 Active, 2 ShuttingDown, 3 Dead. Every time
-- is written with now() (the database clock), never a silo's clock. Votes: who suspects whom, and when.
CREATE TABLE membership_cluster (
    service text   NOT NULL PRIMARY KEY,
    version bigint NOT NULL
);
CREATE TABLE membership_silos (
    service           text        NOT NULL,
    silo_id           text        NOT NULL,
    address           text        NOT NULL,
    port              integer     NOT NULL,
    role              text        NOT NULL,
    status            integer     NOT NULL CHECK (status BETWEEN 0 AND 3),
    started_at        timestamptz NOT NULL,
    heartbeat_at      timestamptz NOT NULL,
    status_changed_at timestamptz NOT NULL,
    ack_version       bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (service, silo_id)
);
CREATE TABLE membership_votes (
    service    text        NOT NULL,
    suspect_id text        NOT NULL,
    voter_id   text        NOT NULL,
    voted_at   timestamptz NOT NULL,
    PRIMARY KEY (service, suspect_id, voter_id)
);
