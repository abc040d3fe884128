-- Issue lists filtered by level stay flat as issues grow (list_issues at 50k issues and more).
--
-- A level filter sorted by last seen (the default order) walks this index like a status filter walks
-- issues_by_status_last_seen (see PostgresIssues.list): for each application and status, from the keyset
-- position, one page. Without it a level filter read every issue of the caller's applications and sorted them
-- (pages read at 50k issues: 2268 before, about 180 after; at 20k: 949 before, 181 after).
-- Only last seen: an issue row is rewritten on every event (its last seen and count change, so no update is HOT)
-- and each index on issues takes one more entry per ingested event; level filters sorted by first seen or by
-- events still read the issues once.
CREATE INDEX issues_by_status_level_last_seen ON issues (application_id, status, level, last_seen DESC, id DESC);
