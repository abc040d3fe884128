-- An unresolved list shows the issues muted until a time that has passed (their mute ended; the stored status stays
-- "muted" until the issue changes again). The walks by application and status (V12, V15) found them by walking every
-- muted issue in the list's order and checking muted_until on each: most mutes are forever or until a number of
-- events, so every unresolved list read every muted issue of each application (1.5 ms of 1.8 ms for 50k issues, 3k
-- of them muted, sorted by events). These indexes hold only the mutes that end at a time, in each order a list walks,
-- so the ended ones are found in order among those alone (PostgresIssues: the ended-mutes lane), and the walk over
-- statuses reads only unresolved issues. Small: one entry per issue or tally muted until a time.
CREATE INDEX issues_mute_ending_by_last_seen ON issues (application_id, last_seen DESC, id DESC)
    WHERE status = 'muted' AND muted_until IS NOT NULL;
CREATE INDEX issues_mute_ending_by_first_seen ON issues (application_id, first_seen DESC, id DESC)
    WHERE status = 'muted' AND muted_until IS NOT NULL;
CREATE INDEX issues_mute_ending_by_event_count ON issues (application_id, event_count DESC, id DESC)
    WHERE status = 'muted' AND muted_until IS NOT NULL;
CREATE INDEX issue_tallies_mute_ending_by_last_seen
    ON issue_tallies (dimension, value, application_id, last_seen DESC, issue_id DESC)
    INCLUDE (issue_level, issue_muted_until) WHERE issue_status = 'muted' AND issue_muted_until IS NOT NULL;
CREATE INDEX issue_tallies_mute_ending_by_first_seen
    ON issue_tallies (dimension, value, application_id, first_seen DESC, issue_id DESC)
    INCLUDE (issue_level, issue_muted_until) WHERE issue_status = 'muted' AND issue_muted_until IS NOT NULL;
CREATE INDEX issue_tallies_mute_ending_by_event_count
    ON issue_tallies (dimension, value, application_id, event_count DESC, issue_id DESC)
    INCLUDE (issue_level, issue_muted_until) WHERE issue_status = 'muted' AND issue_muted_until IS NOT NULL;
