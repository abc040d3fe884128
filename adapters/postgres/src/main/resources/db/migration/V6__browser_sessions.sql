-- Server-side browser sessions (sign-in on the authorization and settings pages). The cookie carries a
-- secret; only its SHA-256 is stored. A session disappears with its user.
CREATE TABLE browser_sessions (
    id              uuid        PRIMARY KEY,
    user_id         uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash      text        NOT NULL CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    created_at      timestamptz NOT NULL,
    last_seen_at    timestamptz NOT NULL,
    -- when the session times out unless seen again; moves with last_seen_at, never past expires_at
    idle_expires_at timestamptz NOT NULL,
    -- the absolute end, fixed at sign-in
    expires_at      timestamptz NOT NULL,
    revoked_at      timestamptz,
    CONSTRAINT browser_sessions_token_hash_unique UNIQUE (token_hash),
    CONSTRAINT browser_sessions_in_order CHECK (
        created_at <= last_seen_at AND last_seen_at < idle_expires_at AND idle_expires_at <= expires_at)
);

-- "Sign out everywhere" revokes a user's sessions.
CREATE INDEX browser_sessions_by_user ON browser_sessions (user_id);
-- The purge looks for sessions revoked or timed out before a cutoff.
CREATE INDEX browser_sessions_revoked_at ON browser_sessions (revoked_at) WHERE revoked_at IS NOT NULL;
CREATE INDEX browser_sessions_idle_expires_at ON browser_sessions (idle_expires_at);
