-- A text search among all of a person's issues (list_issues with a query) read every issue the text matched and
-- sorted them all to return one page: 18 ms for a text in 5k of 50k issues, 110 ms for one in nearly all of them
-- sorted by events, and more the more issues there are. With an index in each sort order the planner can instead
-- walk the issues in that order, checking the text as it goes, and stop after one page (about 1 ms): it takes the
-- walk when the trigram statistics say the text is common, and the trigram index (V12) when they say it is rare.
-- The walks by application and status (V12) cannot serve this: their order holds only within one application and
-- status, so a page across them would need each walk to find its own page of matches first.
-- Other lists that take PostgresIssues' one-query shape (a level filter in another order than last seen, an
-- opened-or-regressed filter) may walk these indexes too, by the same estimates; those lists, like text searches,
-- are planned for their values every time (PostgresIssues.PlannedForItsValues).
-- Known limit: the statistics describe all issues, not one person's applications. A text common in applications
-- the person cannot see and absent from theirs may still take the walk, which then reads every issue.
-- Cost: an issue row is rewritten on every event (last_seen and event_count change, so never in place), and each
-- index here is one more entry per rewrite. Like V16, they are built in Flyway's transaction at startup: on a large
-- installation, ingestion waits for them (about a second per million issues each).
CREATE INDEX issues_by_last_seen ON issues (last_seen DESC, id DESC);
CREATE INDEX issues_by_first_seen ON issues (first_seen DESC, id DESC);
CREATE INDEX issues_by_event_count ON issues (event_count DESC, id DESC);
