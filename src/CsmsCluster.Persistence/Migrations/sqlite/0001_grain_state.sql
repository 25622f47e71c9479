-- Grain state with version fencing: one row per grain (real primary key), every write names the version it read.
-- Times are INTEGER Unix milliseconds (UTC). STRICT tables reject values of the wrong type.
CREATE TABLE grain_state (
    service    TEXT    NOT NULL,
    grain_type TEXT    NOT NULL,
    grain_key  TEXT    NOT NULL,
    version    INTEGER NOT NULL,
    payload    BLOB    NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (service, grain_type, grain_key)
) STRICT, WITHOUT ROWID;
