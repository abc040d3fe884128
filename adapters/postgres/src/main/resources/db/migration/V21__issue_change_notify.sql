-- Every change get_issue's "still the same?" check could see is announced on the channel faultline_issue_changes in
-- the transaction that makes it, so every instance's cache of issue revisions hears of it when it commits, and never
-- before:
--   * 'issue <id>' when an issue's revision moves (every path that moves it, V17, ends in the BEFORE UPDATE trigger
--     on issues, so the notice is sent there) or the issue is deleted;
--   * 'member <person id>' when a membership is changed or deleted (a membership added is not news: a cache only
--     remembers memberships it has seen);
--   * '*' when either table is emptied.
-- PostgreSQL sends one notice per distinct payload per transaction, so an event counted (one issue update, however
-- many triggers bump it) costs one notice.

CREATE OR REPLACE FUNCTION faultline_issue_next_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.revision := OLD.revision + 1;
    PERFORM pg_notify('faultline_issue_changes', 'issue ' || OLD.id::text);
    IF NEW.id IS DISTINCT FROM OLD.id THEN
        PERFORM pg_notify('faultline_issue_changes', 'issue ' || NEW.id::text);
    END IF;
    RETURN NEW;
END
$$;

CREATE FUNCTION faultline_announce_issue_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('faultline_issue_changes', 'issue ' || OLD.id::text);
    RETURN NULL;
END
$$;

CREATE TRIGGER issues_deleted_announced
    AFTER DELETE ON issues
    FOR EACH ROW
    EXECUTE FUNCTION faultline_announce_issue_deleted();

CREATE FUNCTION faultline_announce_membership_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('faultline_issue_changes', 'member ' || OLD.user_id::text);
    RETURN NULL;
END
$$;

CREATE TRIGGER memberships_changed_announced
    AFTER UPDATE OR DELETE ON memberships
    FOR EACH ROW
    EXECUTE FUNCTION faultline_announce_membership_changed();

CREATE FUNCTION faultline_announce_all_issues_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('faultline_issue_changes', '*');
    RETURN NULL;
END
$$;

CREATE TRIGGER issues_truncated_announced
    AFTER TRUNCATE ON issues
    FOR EACH STATEMENT
    EXECUTE FUNCTION faultline_announce_all_issues_changed();

CREATE TRIGGER memberships_truncated_announced
    AFTER TRUNCATE ON memberships
    FOR EACH STATEMENT
    EXECUTE FUNCTION faultline_announce_all_issues_changed();
