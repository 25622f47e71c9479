-- Authorization list.
CREATE TABLE id_tags (
    id_tag        text        PRIMARY KEY,
    status        text        NOT NULL,
    expiry_date   timestamptz NULL,
    parent_id_tag text        NULL,
    updated_at    timestamptz NOT NULL
);
