-- OCPP transaction ids: a counter row moved atomically by each block reservation (UPDATE ... RETURNING).
CREATE TABLE id_allocator (
    name       TEXT    PRIMARY KEY,
    next_value INTEGER NOT NULL
) STRICT;
INSERT INTO id_allocator (name, next_value) VALUES ('transaction', 1);
