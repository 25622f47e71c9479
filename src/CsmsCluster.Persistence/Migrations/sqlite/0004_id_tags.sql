-- Authorization list.
CREATE TABLE id_tags (
    id_tag        TEXT    PRIMARY KEY,
    status        TEXT    NOT NULL,
    expiry_date   INTEGER NULL,
    parent_id_tag TEXT    NULL,
    updated_at    INTEGER NOT NULL
) STRICT;
