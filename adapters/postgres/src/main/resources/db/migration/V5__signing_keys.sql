-- Access-token signing keys (private JWK documents), shared by every instance so that any instance verifies
-- what any other signed, across restarts. The newest key signs; older ones verify until purged.
CREATE TABLE signing_keys (
    key_id           text        PRIMARY KEY CHECK (length(key_id) BETWEEN 1 AND 200),
    private_document text        NOT NULL,
    created_at       timestamptz NOT NULL
);

CREATE INDEX signing_keys_newest ON signing_keys (created_at DESC, key_id DESC);
