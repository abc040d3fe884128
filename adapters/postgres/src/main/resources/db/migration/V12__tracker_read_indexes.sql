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

-- A trigram index answers ILIKE '%text%' over an issue's search text (title, culprit and exception type, one per
-- line; PostgresIssues.list searches this exact expression) without reading every issue when the text is rare;
-- for a text most issues contain the planner still reads them in order. pg_trgm ships with PostgreSQL (contrib)
-- and is a trusted extension (PostgreSQL 13+): the database owner may create it. Where it is missing or may not
-- be created, searching still works, by reading the issues instead of the index.
-- Cost: an issue row is rewritten on every event, and each rewrite adds the text's trigrams to this index's
-- pending list (a side table holding the text was tried: the join it needs made searches for common words read
-- every match and spill to disk, slower than no index at all).
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') THEN
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
        CREATE INDEX issues_search_text_trigrams ON issues
            USING gin ((title || E'\n' || culprit || E'\n' || exception_type) gin_trgm_ops);
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
