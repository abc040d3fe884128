-- Personal access tokens: long-lived bearer tokens a user creates for tools that cannot do OAuth.
-- Only the SHA-256 of the token is stored. A token disappears with its user.
CREATE TABLE personal_tokens (
    id           uuid        PRIMARY KEY,
    user_id      uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    title        text        NOT NULL CHECK (char_length(title) BETWEEN 1 AND 100 AND title = btrim(title)),
    -- space-delimited OAuth scope list (RFC 6749 §3.3), e.g. 'mcp:read mcp:write'
    scopes       text        NOT NULL CHECK (scopes ~ '^(mcp:read|mcp:write)( (mcp:read|mcp:write))*$'),
    token_hash   text        NOT NULL CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    created_at   timestamptz NOT NULL,
    last_used_at timestamptz,
    expires_at   timestamptz CHECK (expires_at > created_at),
    revoked_at   timestamptz,
    CONSTRAINT personal_tokens_token_hash_unique UNIQUE (token_hash)
);

-- "My tokens", newest first.
CREATE INDEX personal_tokens_by_user ON personal_tokens (user_id, created_at DESC);
-- The purge looks for tokens revoked or expired before a cutoff; most tokens are neither.
CREATE INDEX personal_tokens_revoked_at ON personal_tokens (revoked_at) WHERE revoked_at IS NOT NULL;
CREATE INDEX personal_tokens_expires_at ON personal_tokens (expires_at) WHERE expires_at IS NOT NULL;
