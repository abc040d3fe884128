-- An issue's revision: a number that changes whenever anything get_issue shows of the issue changes, so that a
-- reader who remembers what it showed at a revision can ask "still the same?" with one indexed read. It changes
--   * on every update of the issue row (an event counted, with its tallies and daily count, triage, assignment,
--     a mute ending), by the BEFORE UPDATE trigger below;
--   * when a note or an activity record is added, changed or deleted, when events are changed or deleted
--     (retention), when an application is renamed, and when a person is renamed or deleted (activity names them).
--     Faultline itself never changes or deletes most of these; the triggers keep revisions true for such writes
--     made by hand too. Writes by hand to the rows listed next, or a TRUNCATE, are not followed.
-- What else get_issue shows is written once, in the transaction that counts an event on the issue row (an event's
-- frames, tags and document, its release's and environment's tallies, its day's count) or opens the issue (the
-- grouping), and goes only with its event or issue.
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
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE issues SET revision = revision WHERE id = OLD.issue_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        UPDATE issues SET revision = revision WHERE id = NEW.issue_id;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER notes_change_issue
    AFTER INSERT OR UPDATE OR DELETE ON notes
    FOR EACH ROW
    EXECUTE FUNCTION faultline_issue_part_changed();

CREATE TRIGGER issue_activity_changes_issue
    AFTER INSERT OR UPDATE OR DELETE ON issue_activity
    FOR EACH ROW
    EXECUTE FUNCTION faultline_issue_part_changed();

-- Bumps several issues at once, their rows locked in id order first, so that two such statements (or any writer
-- holding several issues) cannot deadlock on the order.
CREATE FUNCTION faultline_bump_issues(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM issues WHERE id = ANY(ids) ORDER BY id FOR NO KEY UPDATE;
    UPDATE issues SET revision = revision WHERE id = ANY(ids);
END
$$;

-- Retention deletes many events in one statement: each issue concerned is bumped once.
CREATE FUNCTION faultline_issue_events_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM faultline_bump_issues(ARRAY(SELECT DISTINCT issue_id FROM gone));
    RETURN NULL;
END
$$;

CREATE TRIGGER events_deleted_change_issue
    AFTER DELETE ON events
    REFERENCING OLD TABLE AS gone
    FOR EACH STATEMENT
    EXECUTE FUNCTION faultline_issue_events_deleted();

-- An event changed by hand changes its issue, and both issues when it is moved to another.
CREATE FUNCTION faultline_issue_events_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM faultline_bump_issues(ARRAY(SELECT issue_id FROM before UNION SELECT issue_id FROM after));
    RETURN NULL;
END
$$;

CREATE TRIGGER events_updated_change_issue
    AFTER UPDATE ON events
    REFERENCING OLD TABLE AS before NEW TABLE AS after
    FOR EACH STATEMENT
    EXECUTE FUNCTION faultline_issue_events_updated();

CREATE FUNCTION faultline_application_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM faultline_bump_issues(ARRAY(SELECT id FROM issues WHERE application_id = NEW.id));
    RETURN NULL;
END
$$;

CREATE TRIGGER applications_renamed_change_issues
    AFTER UPDATE OF name, slug ON applications
    FOR EACH ROW
    WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.slug IS DISTINCT FROM NEW.slug)
    EXECUTE FUNCTION faultline_application_renamed();

-- Reads all of issue_activity (there is no index by person: Faultline never renames or deletes a person, and an index
-- would cost every status change).
CREATE FUNCTION faultline_person_renamed_or_gone() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM faultline_bump_issues(ARRAY(SELECT DISTINCT issue_id FROM issue_activity WHERE actor_user_id = OLD.id));
    RETURN NULL;
END
$$;

CREATE TRIGGER users_renamed_change_issues
    AFTER UPDATE OF display_name ON users
    FOR EACH ROW
    WHEN (OLD.display_name IS DISTINCT FROM NEW.display_name)
    EXECUTE FUNCTION faultline_person_renamed_or_gone();

CREATE TRIGGER users_deleted_change_issues
    AFTER DELETE ON users
    FOR EACH ROW
    EXECUTE FUNCTION faultline_person_renamed_or_gone();
