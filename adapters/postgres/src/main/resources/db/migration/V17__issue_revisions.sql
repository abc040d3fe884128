-- An issue's revision: a number that changes whenever anything get_issue shows of the issue changes, so that a
-- reader who remembers what it showed at a revision can ask "still the same?" with one indexed read. It changes
--   * on every update of the issue row (an event counted, with its tallies and daily count, triage, assignment,
--     a mute ending), by the BEFORE UPDATE trigger below;
--   * when a note is added or deleted, when an activity record is added, and when events go (retention; the
--     cascades of an issue's deletion find no row left to bump).
-- What else get_issue shows is written once and never changed: an event's frames, tags and document (inserted
-- with the event, in the transaction that counts it on the issue row), the grouping (inserted with the issue), and
-- the names of applications and people (no path in Faultline renames either).
-- Revisions of different issues mean nothing to each other: equal revisions of one issue mean an equal issue.

ALTER TABLE issues ADD COLUMN revision bigint NOT NULL DEFAULT 0;

CREATE FUNCTION faultline_issue_next_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.revision := OLD.revision + 1;
    RETURN NEW;
END
$$;

CREATE TRIGGER issues_next_revision
    BEFORE UPDATE ON issues
    FOR EACH ROW
    EXECUTE FUNCTION faultline_issue_next_revision();

-- The issue's row is updated (and so its revision moved on by the trigger above) for a change to a row that hangs
-- off it.
CREATE FUNCTION faultline_issue_part_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        UPDATE issues SET revision = revision WHERE id = OLD.issue_id;
    ELSE
        UPDATE issues SET revision = revision WHERE id = NEW.issue_id;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER notes_change_issue
    AFTER INSERT OR DELETE ON notes
    FOR EACH ROW
    EXECUTE FUNCTION faultline_issue_part_changed();

CREATE TRIGGER issue_activity_changes_issue
    AFTER INSERT ON issue_activity
    FOR EACH ROW
    EXECUTE FUNCTION faultline_issue_part_changed();

-- Retention deletes many events in one statement: each issue concerned is bumped once.
CREATE FUNCTION faultline_issue_events_gone() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE issues SET revision = revision WHERE id IN (SELECT DISTINCT issue_id FROM gone);
    RETURN NULL;
END
$$;

CREATE TRIGGER events_gone_change_issue
    AFTER DELETE ON events
    REFERENCING OLD TABLE AS gone
    FOR EACH STATEMENT
    EXECUTE FUNCTION faultline_issue_events_gone();
