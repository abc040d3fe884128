-- Issue lists filtered by a release or an environment are ordered by what was seen there: the issue's first seen,
-- last seen and event count in that release (or environment), the figures each tally row already keeps. Before,
-- V15 copied the issue's own sort keys into every tally row of the issue, so every event rewrote one row per release
-- and environment the issue had ever been seen in (hundreds for a long-lived issue of an application deploying
-- daily), each with four index entries. Now an event rewrites only its own release's and environment's rows (two,
-- as before V15, though each with four index entries: its primary key and the three walks, whose keys it changes).
-- What stays copied changes rarely and never per event: the application (never), the status (triage, a regression,
-- a mute ending), the level (set when the issue opens) and the mute's end.
--
-- Like V15, this runs in Flyway's transaction at startup and holds issue_tallies while it builds three indexes:
-- on a large installation, ingestion waits for the upgrade (seconds per million tally rows).

DROP INDEX issue_tallies_by_value_last_seen;
DROP INDEX issue_tallies_by_value_first_seen;
DROP INDEX issue_tallies_by_value_event_count;
DROP TRIGGER issues_keys_to_tallies ON issues;

ALTER TABLE issue_tallies
    DROP COLUMN issue_first_seen,
    DROP COLUMN issue_last_seen,
    DROP COLUMN issue_event_count;

CREATE OR REPLACE FUNCTION faultline_tally_takes_issue_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT i.application_id, i.status, i.level, i.muted_until
    INTO NEW.application_id, NEW.issue_status, NEW.issue_level, NEW.issue_muted_until
    FROM issues i WHERE i.id = NEW.issue_id;
    RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION faultline_issue_keys_to_tallies() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE issue_tallies
    SET application_id = NEW.application_id, issue_status = NEW.status, issue_level = NEW.level,
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
       OR OLD.level IS DISTINCT FROM NEW.level
       OR OLD.muted_until IS DISTINCT FROM NEW.muted_until)
    EXECUTE FUNCTION faultline_issue_keys_to_tallies();

-- The walks, in the order a filtered list pages: (value, application, status, key in that value, issue).
CREATE INDEX issue_tallies_by_value_last_seen
    ON issue_tallies (dimension, value, application_id, issue_status, last_seen DESC, issue_id DESC)
    INCLUDE (issue_level, issue_muted_until);
CREATE INDEX issue_tallies_by_value_first_seen
    ON issue_tallies (dimension, value, application_id, issue_status, first_seen DESC, issue_id DESC)
    INCLUDE (issue_level, issue_muted_until);
CREATE INDEX issue_tallies_by_value_event_count
    ON issue_tallies (dimension, value, application_id, issue_status, event_count DESC, issue_id DESC)
    INCLUDE (issue_level, issue_muted_until);
