-- Tracker: applications, who may see them (memberships), issues (events grouped by fingerprint), events with
-- their stack frames and tags, and notes. Everything hangs off an application and disappears with it
-- (ON DELETE CASCADE); an issue's assignee is merely cleared when that user is deleted.
-- Free-text search over issues uses ILIKE within one application's rows (the per-application indexes narrow
-- the scan first); a trigram index can be added later if applications grow to very many issues.

CREATE TABLE applications (
    id         uuid        PRIMARY KEY,
    name       text        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100 AND name = btrim(name)),
    slug       text        NOT NULL CHECK (char_length(slug) <= 64 AND slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    platform   text        NOT NULL CHECK (platform ~ '^[a-z][a-z0-9._+-]{0,31}$'),
    created_at timestamptz NOT NULL,
    CONSTRAINT applications_slug_unique UNIQUE (slug)
);

CREATE TABLE memberships (
    application_id uuid        NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    user_id        uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role           text        NOT NULL CHECK (role IN ('owner', 'member')),
    joined_at      timestamptz NOT NULL,
    PRIMARY KEY (application_id, user_id)
);

-- "My applications" (and every scope check for a user across applications).
CREATE INDEX memberships_by_user ON memberships (user_id);

CREATE TABLE issues (
    id                     uuid        PRIMARY KEY,
    application_id         uuid        NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    fingerprint            text        NOT NULL CHECK (char_length(fingerprint) BETWEEN 1 AND 200),
    title                  text        NOT NULL CHECK (char_length(title) BETWEEN 1 AND 255),
    culprit                text        NOT NULL CHECK (char_length(culprit) BETWEEN 1 AND 500),
    exception_type         text        NOT NULL CHECK (char_length(exception_type) BETWEEN 1 AND 255),
    level                  text        NOT NULL CHECK (level IN ('fatal', 'error', 'warning', 'info', 'debug')),
    status                 text        NOT NULL CHECK (status IN ('unresolved', 'resolved', 'muted')),
    -- how a mute ends: never, at muted_until, or when event_count reaches mute_until_event_count
    mute_kind              text        CHECK (mute_kind IN ('forever', 'until_time', 'until_event_count')),
    muted_until            timestamptz,
    mute_until_event_count bigint      CHECK (mute_until_event_count >= 1),
    first_seen             timestamptz NOT NULL,
    last_seen              timestamptz NOT NULL,
    event_count            bigint      NOT NULL CHECK (event_count >= 0),
    assignee_id            uuid        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT issues_fingerprint_unique UNIQUE (application_id, fingerprint),
    CONSTRAINT issues_seen_in_order CHECK (first_seen <= last_seen),
    -- a mute rule exactly when muted, and exactly the columns its kind needs (IS NOT DISTINCT FROM: a NULL
    -- kind must make the check false, not unknown, or PostgreSQL would let the row in)
    CONSTRAINT issues_mute_matches_status CHECK (
        (status <> 'muted' AND mute_kind IS NULL AND muted_until IS NULL AND mute_until_event_count IS NULL)
        OR (status = 'muted' AND mute_kind IS NOT DISTINCT FROM 'forever'
            AND muted_until IS NULL AND mute_until_event_count IS NULL)
        OR (status = 'muted' AND mute_kind IS NOT DISTINCT FROM 'until_time'
            AND muted_until IS NOT NULL AND mute_until_event_count IS NULL)
        OR (status = 'muted' AND mute_kind IS NOT DISTINCT FROM 'until_event_count'
            AND muted_until IS NULL AND mute_until_event_count IS NOT NULL))
);

-- Keyset paging per sort order: (key, id) descending within an application. The fingerprint lookup uses
-- issues_fingerprint_unique.
CREATE INDEX issues_by_last_seen ON issues (application_id, last_seen DESC, id DESC);
CREATE INDEX issues_by_first_seen ON issues (application_id, first_seen DESC, id DESC);
CREATE INDEX issues_by_event_count ON issues (application_id, event_count DESC, id DESC);
-- Clearing assignments when a user is deleted.
CREATE INDEX issues_by_assignee ON issues (assignee_id) WHERE assignee_id IS NOT NULL;

CREATE TABLE events (
    id             uuid        PRIMARY KEY,
    issue_id       uuid        NOT NULL REFERENCES issues (id) ON DELETE CASCADE,
    occurred_at    timestamptz NOT NULL,
    message        text        NOT NULL CHECK (char_length(message) <= 10000),
    exception_type text        NOT NULL CHECK (char_length(exception_type) BETWEEN 1 AND 255),
    level          text        NOT NULL CHECK (level IN ('fatal', 'error', 'warning', 'info', 'debug')),
    environment    text        CHECK (environment ~ '^[A-Za-z0-9._-]{1,64}$'),
    release        text        CHECK (char_length(release) BETWEEN 1 AND 200),
    -- who was affected, as the crash report said (the application's end user, not a Faultline user)
    user_ref       text        CHECK (char_length(user_ref) BETWEEN 1 AND 200),
    user_email     text        CHECK (char_length(user_email) BETWEEN 1 AND 200),
    user_ip        text        CHECK (char_length(user_ip) BETWEEN 1 AND 200)
);

-- An issue's events, newest first, keyset-paged.
CREATE INDEX events_by_issue ON events (issue_id, occurred_at DESC, id DESC);

CREATE TABLE event_frames (
    event_id      uuid    NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    position      integer NOT NULL CHECK (position BETWEEN 0 AND 249),
    file_name     text    NOT NULL CHECK (char_length(file_name) <= 1024),
    function_name text    NOT NULL CHECK (char_length(function_name) <= 1024),
    line          integer NOT NULL CHECK (line >= 0),
    in_app        boolean NOT NULL,
    PRIMARY KEY (event_id, position),
    CONSTRAINT event_frames_named CHECK (file_name <> '' OR function_name <> '')
);

CREATE TABLE event_tags (
    event_id uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    key      text NOT NULL CHECK (key ~ '^[A-Za-z0-9._:-]{1,64}$'),
    value    text NOT NULL CHECK (char_length(value) BETWEEN 1 AND 200),
    PRIMARY KEY (event_id, key)
);

CREATE TABLE notes (
    id         uuid        PRIMARY KEY,
    issue_id   uuid        NOT NULL REFERENCES issues (id) ON DELETE CASCADE,
    author_id  uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    body       text        NOT NULL CHECK (char_length(body) BETWEEN 1 AND 10000
                                           AND btrim(body, E' \t\r\n') <> ''),
    created_at timestamptz NOT NULL
);

-- An issue's notes, oldest first; and the cascade when an author is deleted.
CREATE INDEX notes_by_issue ON notes (issue_id, created_at, id);
CREATE INDEX notes_by_author ON notes (author_id);
