-- Grows a Faultline database seeded with `demo` to a realistic size, for measuring reads (list_issues, get_issue,
-- list_events, get_event) at scale. Plain SQL through psql; run it against a throw-away database only:
--
--   psql -h localhost -p PGPORT -U postgres -d faultline -v issues=50000 -v events_per_issue=8 -f bench/grow-data.sql
--
-- (the embedded database's port is in the server log, its password in $FAULTLINE_DATA_DIR/postgres.password).
--
-- Parameters (psql -v NAME=VALUE; each optional):
--   issues            total issues wanted across the existing applications (default 50000); the existing
--                     issues count towards it, so running it twice with the same value adds nothing
--   events_per_issue  average events per grown issue (default 8): 50000 x 8 = 400k events; each issue gets
--                     between 1 and 2 x events_per_issue - 1 (so sorting by events has a spread)
--   seed              random seed in [-1, 1] (default 0.42): the same seed gives the same statuses, times,
--                     counts, releases and environments (ids are random)
--
-- Grown issues are numbered on from the issue count (the n-th issue is "#n"), so a later run with a larger
-- value adds to an earlier one (1k, then 20k, then 50k).
-- Every grown issue copies a demo issue of the same application (title, culprit, exception type, level, the
-- latest event's message, frames and tags), with a unique fingerprint and a title suffix "#n" so text queries
-- find both common words (every copy of a demo title) and rare ones ("#12345"). Statuses: 70% unresolved,
-- 10% resolved, 10% muted forever, 10% muted until a time (half of them lapsed). Last seen is spread over the
-- last 90 days; events lie between first and last seen, in 2 environments and 5 releases per application.
-- Tallies, daily counts and an "opened" (and for a fifth a "regressed") activity record are derived from the
-- grown events, as ingestion would have written them. Frames and tags are copied for each grown issue's latest
-- event only (the one get_issue shows); older grown events have none. No SDK documents (ingested_events) are
-- grown: get_event on a grown event shows the tracker event without the SDK report.
-- Ends with ANALYZE, so plans reflect the grown tables at once.

\set ON_ERROR_STOP on
\if :{?issues}
\else
\set issues 50000
\endif
\if :{?events_per_issue}
\else
\set events_per_issue 8
\endif
\if :{?seed}
\else
\set seed 0.42
\endif

BEGIN;
SET LOCAL max_parallel_workers_per_gather = 0;  -- one process draws every random(): reproducible with the seed
SELECT setseed(:seed) \gset

CREATE TEMP TABLE template ON COMMIT DROP AS
SELECT i.*, row_number() OVER (PARTITION BY i.application_id ORDER BY i.first_seen, i.id) - 1 AS n,
       count(*) OVER (PARTITION BY i.application_id) AS of_app,
       (SELECT e.id FROM events e WHERE e.issue_id = i.id ORDER BY e.occurred_at DESC, e.id DESC LIMIT 1)
           AS latest_event
FROM issues i
WHERE i.fingerprint NOT LIKE '%:grown:%';

CREATE TEMP TABLE apps ON COMMIT DROP AS
SELECT a.id, a.slug, row_number() OVER (ORDER BY a.slug) - 1 AS k, count(*) OVER () AS of_all
FROM applications a WHERE EXISTS (SELECT 1 FROM template t WHERE t.application_id = a.id);

-- One row per grown issue: its number, application, template and times.
CREATE TEMP TABLE grown ON COMMIT DROP AS
SELECT g, gen_random_uuid() AS id, t.id AS template_id, t.latest_event, t.application_id, a.slug,
       now() - random() * interval '90 days' AS last_seen,
       random() * interval '30 days' AS age,
       1 + (random() * (2 * :events_per_issue - 2))::int AS events,
       floor(random() * 20)::int AS s  -- the status: 0-13 unresolved, 14-15 resolved, 16-17 muted, 18-19 muted until
FROM generate_series((SELECT count(*) FROM issues) + 1, :issues) AS g
JOIN apps a ON a.k = g % a.of_all
JOIN template t ON t.application_id = a.id AND t.n = (g / a.of_all) % t.of_app;

INSERT INTO issues (id, application_id, fingerprint, title, culprit, exception_type, level, status, mute_kind,
                    muted_until, mute_until_event_count, first_seen, last_seen, event_count, assignee_id,
                    resolved_at)
SELECT gr.id, gr.application_id, left(t.fingerprint, 180) || ':grown:' || gr.g,
       left(t.title, 240) || ' #' || gr.g, t.culprit, t.exception_type, t.level,
       CASE WHEN gr.s < 14 THEN 'unresolved' WHEN gr.s < 16 THEN 'resolved' ELSE 'muted' END,
       CASE WHEN gr.s IN (16, 17) THEN 'forever' WHEN gr.s > 17 THEN 'until_time' END,
       CASE gr.s WHEN 18 THEN now() - interval '1 day' WHEN 19 THEN now() + interval '7 days' END,
       NULL,
       gr.last_seen - gr.age, gr.last_seen, gr.events, NULL,
       CASE WHEN gr.s IN (14, 15) THEN gr.last_seen + interval '1 hour' END
FROM grown gr JOIN template t ON t.id = gr.template_id;

-- Events: the latest at last_seen, the others spread between first and last seen.
CREATE TEMP TABLE grown_events ON COMMIT DROP AS
SELECT gen_random_uuid() AS id, gr.id AS issue_id, gr.template_id, gr.latest_event, gr.slug, e AS nth,
       CASE WHEN e = 1 THEN gr.last_seen ELSE gr.last_seen - gr.age * random() END AS occurred_at,
       CASE WHEN random() < 0.8 THEN 'production' ELSE 'staging' END AS environment,
       gr.slug || '@1.' || (random() * 4)::int AS release
FROM grown gr, generate_series(1, gr.events) AS e;

INSERT INTO events (id, issue_id, occurred_at, message, exception_type, level, environment, release, user_ref,
                    user_email, user_ip)
SELECT ge.id, ge.issue_id, ge.occurred_at, coalesce(le.message, t.title), t.exception_type, t.level,
       ge.environment, ge.release, 'user-' || (abs(hashtext(ge.id::text)) % 5000), NULL, NULL
FROM grown_events ge
JOIN template t ON t.id = ge.template_id
LEFT JOIN events le ON le.id = ge.latest_event;

INSERT INTO event_frames (event_id, position, file_name, function_name, line, in_app)
SELECT ge.id, f.position, f.file_name, f.function_name, f.line, f.in_app
FROM grown_events ge JOIN event_frames f ON f.event_id = ge.latest_event
WHERE ge.nth = 1;

INSERT INTO event_tags (event_id, key, value)
SELECT ge.id, tg.key, tg.value
FROM grown_events ge JOIN event_tags tg ON tg.event_id = ge.latest_event
WHERE ge.nth = 1;

INSERT INTO issue_tallies (issue_id, dimension, value, first_seen, last_seen, event_count)
SELECT issue_id, 'release', release, min(occurred_at), max(occurred_at), count(*)
FROM grown_events GROUP BY issue_id, release
UNION ALL
SELECT issue_id, 'environment', environment, min(occurred_at), max(occurred_at), count(*)
FROM grown_events GROUP BY issue_id, environment;

INSERT INTO issue_daily_counts (issue_id, day, event_count)
SELECT issue_id, (occurred_at AT TIME ZONE 'UTC')::date, count(*)
FROM grown_events GROUP BY 1, 2;

INSERT INTO issue_activity (issue_id, kind, actor_kind, actor_user_id, occurred_at, event_id)
SELECT i.id, 'opened', 'ingest', NULL::uuid, i.first_seen, NULL::uuid
FROM grown gr JOIN issues i ON i.id = gr.id
UNION ALL
SELECT i.id, 'regressed', 'ingest', NULL::uuid, i.first_seen + (i.last_seen - i.first_seen) / 2, NULL::uuid
FROM grown gr JOIN issues i ON i.id = gr.id
WHERE gr.g % 5 = 0 AND i.last_seen > i.first_seen;

INSERT INTO issue_groupings (issue_id, version, canonical_text)
SELECT gr.id, 1, left(t.fingerprint || E'\n' || t.culprit, 8192)
FROM grown gr JOIN template t ON t.id = gr.template_id;

COMMIT;

ANALYZE;

SELECT (SELECT count(*) FROM issues) AS issues, (SELECT count(*) FROM events) AS events,
       (SELECT count(*) FROM issue_tallies) AS tallies, (SELECT count(*) FROM issue_activity) AS activities;
