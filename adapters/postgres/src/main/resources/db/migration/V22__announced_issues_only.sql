-- V21 notified on every move of any issue's revision, so every ingested event sent a notice. A notifying transaction
-- holds a database-wide lock from its commit until its WAL flush, so notifying commits cannot share a flush: with a
-- 5 ms flush (commit_delay), ingestion over 50 issues fell from 283 to 167 events/s. Now only announced issues
-- notify: those some instance may be keeping the revision of.
--
-- A cache that wants to keep an issue's revision first announces it here, until a time, in one statement that also
-- reads the revision (PostgresIssueRevisions): it locks the issue's row FOR SHARE, so it waits for any writer that
-- holds the row and reads what that writer committed, and any later writer waits for the announcement's commit and
-- then sees it from the trigger below (a volatile function's query sees what committed before it ran). The cache
-- keeps the revision for less time than announced. Events of issues nobody is reading notify nothing, and
-- announcing changes no revision. Deleted issues, memberships and truncations notify as in V21.

CREATE TABLE issue_announcements (
    issue_id uuid        PRIMARY KEY REFERENCES issues (id) ON DELETE CASCADE,
    until    timestamptz NOT NULL
);

CREATE OR REPLACE FUNCTION faultline_issue_next_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.revision := OLD.revision + 1;
    IF EXISTS (SELECT 1 FROM issue_announcements WHERE issue_id = OLD.id AND until > now()) THEN
        PERFORM pg_notify('faultline_issue_changes', 'issue ' || OLD.id::text);
    END IF;
    IF NEW.id IS DISTINCT FROM OLD.id THEN
        PERFORM pg_notify('faultline_issue_changes', 'issue ' || OLD.id::text);
        PERFORM pg_notify('faultline_issue_changes', 'issue ' || NEW.id::text);
    END IF;
    RETURN NEW;
END
$$;
