-- Issue lists filtered by a release or an environment stay flat as issues grow (list_issues at 50k issues and more).
--
-- Before, such a filter joined every issue seen in the value (production: nearly all of them) and sorted them:
-- pages read grew with the issues (at 50k: about 2,500 per page of 25). Now each tally row carries copies of its
-- issue's application, status, three sort keys, level and mute end, and PostgresIssues.list walks the tallies of
-- the value, for each application and status, in the requested order from the keyset position, exactly as it walks
-- issues. Level and mute end are included in the walk indexes, so a level filter and "unresolved" (which counts a
-- mute whose time has come) are checked in the index; only the page's issues are read from the issues table.
--
-- The copies are exact at every commit, whoever writes (ingest, status changes, hand-written SQL, bench growth):
-- a tally row takes them from its issue when inserted, and every change to one of them on an issue is copied to
-- its tally rows by a trigger in the same statement. Deleting an issue deletes its tallies (ON DELETE CASCADE).
-- Cost: each event rewrites its issue's last seen and count, so it also rewrites the issue's tally rows (one per
-- release and environment the issue was seen in), under the issue's row lock that ingestion already holds.

ALTER TABLE issue_tallies
    ADD COLUMN application_id    uuid,
    ADD COLUMN issue_status      text,
    ADD COLUMN issue_first_seen  timestamptz,
    ADD COLUMN issue_last_seen   timestamptz,
    ADD COLUMN issue_event_count bigint,
    ADD COLUMN issue_level       text,
    ADD COLUMN issue_muted_until timestamptz;

UPDATE issue_tallies t
SET application_id = i.application_id, issue_status = i.status, issue_first_seen = i.first_seen,
    issue_last_seen = i.last_seen, issue_event_count = i.event_count, issue_level = i.level,
    issue_muted_until = i.muted_until
FROM issues i
WHERE i.id = t.issue_id;

ALTER TABLE issue_tallies
    ALTER COLUMN application_id SET NOT NULL,
    ALTER COLUMN issue_status SET NOT NULL,
    ALTER COLUMN issue_first_seen SET NOT NULL,
    ALTER COLUMN issue_last_seen SET NOT NULL,
    ALTER COLUMN issue_event_count SET NOT NULL,
    ALTER COLUMN issue_level SET NOT NULL;

-- A new tally row (and the proposed row of an upsert) takes its issue's current values, whatever the writer gave.
CREATE FUNCTION faultline_tally_takes_issue_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT i.application_id, i.status, i.first_seen, i.last_seen, i.event_count, i.level, i.muted_until
    INTO NEW.application_id, NEW.issue_status, NEW.issue_first_seen, NEW.issue_last_seen, NEW.issue_event_count,
         NEW.issue_level, NEW.issue_muted_until
    FROM issues i WHERE i.id = NEW.issue_id;
    RETURN NEW;
END
$$;

CREATE TRIGGER issue_tallies_take_issue_keys
    BEFORE INSERT ON issue_tallies
    FOR EACH ROW
    EXECUTE FUNCTION faultline_tally_takes_issue_keys();

CREATE FUNCTION faultline_issue_keys_to_tallies() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE issue_tallies
    SET application_id = NEW.application_id, issue_status = NEW.status, issue_first_seen = NEW.first_seen,
        issue_last_seen = NEW.last_seen, issue_event_count = NEW.event_count, issue_level = NEW.level,
        issue_muted_until = NEW.muted_until
    WHERE issue_id = NEW.id;
    RETURN NULL;
END
$$;

CREATE TRIGGER issues_keys_to_tallies
    AFTER UPDATE ON issues
    FOR EACH ROW
    WHEN (OLD.application_id IS DISTINCT FROM NEW.application_id
       OR OLD.status IS DISTINCT FROM NEW.status
       OR OLD.first_seen IS DISTINCT FROM NEW.first_seen
       OR OLD.last_seen IS DISTINCT FROM NEW.last_seen
       OR OLD.event_count IS DISTINCT FROM NEW.event_count
       OR OLD.level IS DISTINCT FROM NEW.level
       OR OLD.muted_until IS DISTINCT FROM NEW.muted_until)
    EXECUTE FUNCTION faultline_issue_keys_to_tallies();

-- The walks: (value, application, status, sort key, issue) in the order list_issues pages, with what a walk
-- checks per row (level, mute end) included so the check needs no table read. They also serve
-- "issues seen in this value" (the leading columns), so the V12 index on (dimension, value, issue) goes.
CREATE INDEX issue_tallies_by_value_last_seen
    ON issue_tallies (dimension, value, application_id, issue_status, issue_last_seen DESC, issue_id DESC)
    INCLUDE (issue_level, issue_muted_until);
CREATE INDEX issue_tallies_by_value_first_seen
    ON issue_tallies (dimension, value, application_id, issue_status, issue_first_seen DESC, issue_id DESC)
    INCLUDE (issue_level, issue_muted_until);
CREATE INDEX issue_tallies_by_value_event_count
    ON issue_tallies (dimension, value, application_id, issue_status, issue_event_count DESC, issue_id DESC)
    INCLUDE (issue_level, issue_muted_until);
DROP INDEX issue_tallies_by_value;
