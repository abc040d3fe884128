-- OAuth: clients (RFC 7591), authorization codes, token chains and every refresh token a chain ever issued.
-- Only SHA-256 hashes of secrets are stored (64 lowercase hex digits). Grants disappear with their user or client.

-- Clients register themselves (anonymous Dynamic Client Registration). The secret hash exists exactly for
-- confidential clients.
CREATE TABLE oauth_clients (
    id                  text        PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9_-]{1,128}$'),
    name                text        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
    -- ordered: the first one is shown on the consent and integrations pages
    redirect_uris       text[]      NOT NULL CHECK (cardinality(redirect_uris) BETWEEN 1 AND 10),
    grant_types         text[]      NOT NULL CHECK (cardinality(grant_types) >= 1
                                        AND grant_types <@ ARRAY['authorization_code', 'refresh_token']
                                        AND 'authorization_code' = ANY (grant_types)),
    auth_method         text        NOT NULL CHECK (auth_method IN ('none', 'client_secret_post', 'client_secret_basic')),
    secret_hash         text        CHECK (secret_hash ~ '^[0-9a-f]{64}$'),
    scope_ceiling       text        NOT NULL CHECK (scope_ceiling ~ '^(mcp:read|mcp:write)( (mcp:read|mcp:write))*$'),
    client_uri          text,
    logo_uri            text,
    application_type    text        NOT NULL CHECK (application_type IN ('web', 'native')),
    registered_at       timestamptz NOT NULL,
    first_authorized_at timestamptz,
    CONSTRAINT oauth_clients_secret_iff_confidential CHECK ((auth_method = 'none') = (secret_hash IS NULL))
);

-- The abandoned-client purge: clients nobody ever authorized, oldest first.
CREATE INDEX oauth_clients_never_authorized ON oauth_clients (registered_at) WHERE first_authorized_at IS NULL;

-- Single-use codes, bound to client, user, the exact redirect URI, scopes, resource and a PKCE S256 challenge.
-- Kept after redemption (until purged) so that a replay is recognised and revokes the chain it produced.
CREATE TABLE authorization_codes (
    code_hash         text        PRIMARY KEY CHECK (code_hash ~ '^[0-9a-f]{64}$'),
    client_id         text        NOT NULL REFERENCES oauth_clients (id) ON DELETE CASCADE,
    user_id           uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    redirect_uri      text        NOT NULL,
    scopes            text        NOT NULL CHECK (scopes ~ '^(mcp:read|mcp:write)( (mcp:read|mcp:write))*$'),
    resource          text        NOT NULL,
    code_challenge    text        NOT NULL CHECK (code_challenge ~ '^[A-Za-z0-9_-]{43}$'),
    issued_at         timestamptz NOT NULL,
    expires_at        timestamptz NOT NULL,
    redeemed_at       timestamptz,
    -- no foreign key: the chain may be purged before the code, and the code must still be seen as replayed
    produced_chain_id uuid,
    CONSTRAINT authorization_codes_lifetime CHECK (expires_at > issued_at
                                                   AND expires_at <= issued_at + interval '60 seconds'),
    CONSTRAINT authorization_codes_chain_after_redemption CHECK (produced_chain_id IS NULL OR redeemed_at IS NOT NULL)
);

CREATE INDEX authorization_codes_expires_at ON authorization_codes (expires_at);
-- Foreign-key lookups when a client or user is deleted.
CREATE INDEX authorization_codes_by_client ON authorization_codes (client_id);
CREATE INDEX authorization_codes_by_user ON authorization_codes (user_id);

-- Every access and refresh token descended from one authorization code. Exactly one refresh token is current
-- (a column, so two can never be current); rotation is a compare-and-set on it.
CREATE TABLE token_chains (
    id                   uuid        PRIMARY KEY,
    client_id            text        NOT NULL REFERENCES oauth_clients (id) ON DELETE CASCADE,
    user_id              uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    scopes               text        NOT NULL CHECK (scopes ~ '^(mcp:read|mcp:write)( (mcp:read|mcp:write))*$'),
    audience             text        NOT NULL,
    current_refresh_hash text        NOT NULL,
    generation           integer     NOT NULL CHECK (generation >= 1),
    current_issued_at    timestamptz NOT NULL,
    refresh_expires_at   timestamptz NOT NULL CHECK (refresh_expires_at > current_issued_at),
    created_at           timestamptz NOT NULL,
    last_approved_at     timestamptz NOT NULL,
    last_used_at         timestamptz,
    revoked_at           timestamptz,
    revocation_reason    text        CHECK (revocation_reason IN
                                         ('REFRESH_REUSE', 'CODE_REPLAY', 'CLIENT_REVOKED', 'USER_REVOKED')),
    CONSTRAINT token_chains_revocation_complete CHECK ((revoked_at IS NULL) = (revocation_reason IS NULL)),
    CONSTRAINT token_chains_current_refresh_unique UNIQUE (current_refresh_hash)
);

-- Every refresh token hash ever issued, with its chain and generation: presenting an earlier one is reuse.
-- The primary key makes it impossible to issue one hash twice, in any chain.
CREATE TABLE refresh_tokens (
    token_hash text    PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    chain_id   uuid    NOT NULL REFERENCES token_chains (id) ON DELETE CASCADE,
    generation integer NOT NULL CHECK (generation >= 1),
    CONSTRAINT refresh_tokens_one_per_generation UNIQUE (chain_id, generation),
    CONSTRAINT refresh_tokens_chain_hash_generation UNIQUE (chain_id, token_hash, generation)
);

-- The current refresh token is one of the chain's issued tokens, of the chain's generation. Deferred, because
-- a chain and its first token (or a rotation and its new token) are written together.
ALTER TABLE token_chains
    ADD CONSTRAINT token_chains_current_is_issued FOREIGN KEY (id, current_refresh_hash, generation)
        REFERENCES refresh_tokens (chain_id, token_hash, generation) DEFERRABLE INITIALLY DEFERRED;

-- My Integrations (by user) and "revoke this integration" (by user and client).
CREATE INDEX token_chains_by_user_client ON token_chains (user_id, client_id);
-- Foreign-key lookups when a client is deleted.
CREATE INDEX token_chains_by_client ON token_chains (client_id);
-- The purge: chains revoked, or whose refresh token expired, before a cutoff.
CREATE INDEX token_chains_revoked_at ON token_chains (revoked_at) WHERE revoked_at IS NOT NULL;
CREATE INDEX token_chains_refresh_expires_at ON token_chains (refresh_expires_at);
