-- Issue lists that stay fast as issues grow (list_issues at 50k issues and more).
--
-- Listing walks, for each of the caller's applications and each status asked for, an index already in the
-- requested order and stops after one page; the pages are merged (see PostgresIssues.list). So the sort indexes
-- lead with (application_id, status): a status filter narrows the walk instead of discarding rows along it. They
-- replace the V3 sort indexes (same count: an issue row is rewritten on every event, and every index costs then).
CREATE INDEX issues_by_status_last_seen ON issues (application_id, status, last_seen DESC, id DESC);
CREATE INDEX issues_by_status_first_seen ON issues (application_id, status, first_seen DESC, id DESC);
CREATE INDEX issues_by_status_event_count ON issues (application_id, status, event_count DESC, id DESC);
DROP INDEX issues_by_last_seen;
DROP INDEX issues_by_first_seen;
DROP INDEX issues_by_event_count;

-- The text an issue is found by (title, culprit and exception type, one per line), kept beside the issue: it
-- never changes after the issue is opened, while the issue row is rewritten on every event, so a trigram index
-- here costs nothing per event. Written with the issue (PostgresIssues.add), removed with it.
CREATE TABLE issue_search_texts (
    issue_id uuid PRIMARY KEY REFERENCES issues (id) ON DELETE CASCADE,
    text     text NOT NULL
);
INSERT INTO issue_search_texts (issue_id, text)
SELECT id, title || E'\n' || culprit || E'\n' || exception_type FROM issues;

-- A trigram index answers ILIKE '%text%' without reading every issue. pg_trgm ships with PostgreSQL (contrib)
-- and is a trusted extension (PostgreSQL 13+): the database owner may create it. Where it is missing or may not be
-- created, searching still works, by reading the texts in order instead of through the index.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') THEN
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
        CREATE INDEX issue_search_texts_trigrams ON issue_search_texts USING gin (text gin_trgm_ops);
    ELSE
        RAISE NOTICE 'pg_trgm is not available: issue text search reads without a trigram index';
    END IF;
EXCEPTION WHEN insufficient_privilege THEN
    RAISE NOTICE 'pg_trgm may not be created here: issue text search reads without a trigram index';
END
$$;

-- Issues seen in a release or environment, found from the value (the primary key leads with the issue).
CREATE INDEX issue_tallies_by_value ON issue_tallies (dimension, value, issue_id);

-- Issues opened or regressed since a moment.
CREATE INDEX issue_activity_openings ON issue_activity (occurred_at, issue_id) WHERE kind IN ('opened', 'regressed');
