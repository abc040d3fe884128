-- Every change to a token chain that can change whether its access tokens are admitted is announced on the
-- channel faultline_chain_changes (payload: the chain id) in the same transaction, so every instance's cache of
-- chain states hears of it when the change commits, and never before: revoked (one, or all of a person's),
-- deleted (purge), or anything admission reads changed, including a refresh expiry moved earlier. A rotation that
-- only moves the expiry later (every ordinary refresh) and recording a use announce nothing. A trigger rather than
-- the application: a change made by hand in SQL is announced too. (V12 is left to another change.)

CREATE FUNCTION faultline_announce_chain_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('faultline_chain_changes', OLD.id::text);
    RETURN NULL;
END
$$;

CREATE TRIGGER token_chains_admission_changed
    AFTER UPDATE ON token_chains
    FOR EACH ROW
    WHEN (OLD.revoked_at IS DISTINCT FROM NEW.revoked_at
       OR OLD.revocation_reason IS DISTINCT FROM NEW.revocation_reason
       OR OLD.id IS DISTINCT FROM NEW.id
       OR OLD.user_id IS DISTINCT FROM NEW.user_id
       OR OLD.client_id IS DISTINCT FROM NEW.client_id
       OR OLD.scopes IS DISTINCT FROM NEW.scopes
       OR OLD.audience IS DISTINCT FROM NEW.audience
       OR OLD.grant_ends_at IS DISTINCT FROM NEW.grant_ends_at
       OR NEW.refresh_expires_at < OLD.refresh_expires_at)
    EXECUTE FUNCTION faultline_announce_chain_change();

CREATE TRIGGER token_chains_deleted
    AFTER DELETE ON token_chains
    FOR EACH ROW
    EXECUTE FUNCTION faultline_announce_chain_change();

-- Emptying the table (tests, or by hand) changes every chain: the payload '*' says so.
CREATE FUNCTION faultline_announce_all_chains_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('faultline_chain_changes', '*');
    RETURN NULL;
END
$$;

CREATE TRIGGER token_chains_truncated
    AFTER TRUNCATE ON token_chains
    FOR EACH STATEMENT
    EXECUTE FUNCTION faultline_announce_all_chains_changed();
