-- Events from Sentry SDKs: the full cleaned document beside the tracker's event, the grouping that explains each
-- issue, every status change of an issue, and the per-release, per-environment and per-day counts.
-- Existing rows stay valid: old resolved issues have no resolved_at (any new event regresses them, as before).

ALTER TABLE issues ADD COLUMN resolved_at timestamptz;
ALTER TABLE issues ADD CONSTRAINT issues_resolved_at_only_when_resolved
    CHECK (resolved_at IS NULL OR status = 'resolved');

-- Why an issue's events are one issue: the grouping version and canonical text that opened it.
CREATE TABLE issue_groupings (
    issue_id       uuid    PRIMARY KEY REFERENCES issues (id) ON DELETE CASCADE,
    version        integer NOT NULL CHECK (version >= 1),
    canonical_text text    NOT NULL CHECK (char_length(canonical_text) <= 8192)
);

-- The document of an ingested event. The SDK's event_id is unique per application: claiming it (INSERT ... ON
-- CONFLICT DO NOTHING) is how a resend is recognised, and a concurrent claim waits for the first to commit. The
-- tracker event of the same id is inserted later in the same transaction, hence the deferred foreign key.
CREATE TABLE ingested_events (
    event_id       uuid        PRIMARY KEY
                               REFERENCES events (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    application_id uuid        NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    sdk_event_id   text        NOT NULL CHECK (sdk_event_id ~ '^[0-9a-f]{32}$'),
    received_at    timestamptz NOT NULL,
    document       jsonb       NOT NULL CHECK (jsonb_typeof(document) = 'object'),
    CONSTRAINT ingested_events_sdk_event_id_unique UNIQUE (application_id, sdk_event_id)
);

-- Every status change: what, who (a user, the ingest, or Faultline itself), when, and the event that caused it.
-- The user id is kept as history, without a foreign key: deleting a person does not rewrite what they did.
CREATE TABLE issue_activity (
    id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    issue_id      uuid        NOT NULL REFERENCES issues (id) ON DELETE CASCADE,
    kind          text        NOT NULL
                              CHECK (kind IN ('opened', 'resolved', 'reopened', 'regressed', 'muted', 'unmuted')),
    actor_kind    text        NOT NULL CHECK (actor_kind IN ('user', 'ingest', 'system')),
    actor_user_id uuid,
    occurred_at   timestamptz NOT NULL,
    event_id      uuid,
    CONSTRAINT issue_activity_user_when_person CHECK ((actor_kind = 'user') = (actor_user_id IS NOT NULL))
);

-- An issue's timeline in order; and the turning-point events retention keeps.
CREATE INDEX issue_activity_by_issue ON issue_activity (issue_id, id);
CREATE INDEX issue_activity_by_event ON issue_activity (event_id) WHERE event_id IS NOT NULL;

-- Count, first and last seen per issue and release or environment. Upserted under the issue's row lock.
CREATE TABLE issue_tallies (
    issue_id    uuid        NOT NULL REFERENCES issues (id) ON DELETE CASCADE,
    dimension   text        NOT NULL CHECK (dimension IN ('release', 'environment')),
    value       text        NOT NULL CHECK (char_length(value) BETWEEN 1 AND 200),
    first_seen  timestamptz NOT NULL,
    last_seen   timestamptz NOT NULL,
    event_count bigint      NOT NULL CHECK (event_count >= 1),
    PRIMARY KEY (issue_id, dimension, value),
    CONSTRAINT issue_tallies_seen_in_order CHECK (first_seen <= last_seen)
);

-- Events per issue and UTC day they happened on, for the recent-activity chart.
CREATE TABLE issue_daily_counts (
    issue_id    uuid   NOT NULL REFERENCES issues (id) ON DELETE CASCADE,
    day         date   NOT NULL,
    event_count bigint NOT NULL CHECK (event_count >= 1),
    PRIMARY KEY (issue_id, day)
);

-- Retention: an application's events oldest first, and the age cut-off.
CREATE INDEX events_by_occurred_at ON events (occurred_at, id);
