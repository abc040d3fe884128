-- Grants that end, and chains that load in constant time.
--
-- grant_ends_at: the absolute end of a grant (access.grantLifetime after approval, default 90 days); no refresh
-- token outlives it however often it rotates. Chains approved before this migration end 90 days after their
-- approval, or when their current refresh token expires if that is later (so no live grant is cut short by the
-- upgrade itself).
--
-- previous_refresh_hash: the refresh token rotated away last, the only earlier one a reuse grace may accept. With
-- it a chain is loaded from its own row alone; refresh_tokens (every hash ever issued) is only looked up by its
-- primary key when a refresh token is presented, never read in full.
ALTER TABLE token_chains
    ADD COLUMN grant_ends_at         timestamptz,
    ADD COLUMN previous_refresh_hash text;

UPDATE token_chains c
SET grant_ends_at = GREATEST(c.created_at + interval '90 days', c.refresh_expires_at),
    previous_refresh_hash = (SELECT r.token_hash FROM refresh_tokens r
                             WHERE r.chain_id = c.id AND r.generation = c.generation - 1);

ALTER TABLE token_chains
    ALTER COLUMN grant_ends_at SET NOT NULL,
    ADD CONSTRAINT token_chains_grant_ends_after_start CHECK (grant_ends_at > created_at),
    ADD CONSTRAINT token_chains_refresh_within_grant CHECK (refresh_expires_at <= grant_ends_at),
    ADD CONSTRAINT token_chains_previous_iff_rotated CHECK ((generation = 1) = (previous_refresh_hash IS NULL));
