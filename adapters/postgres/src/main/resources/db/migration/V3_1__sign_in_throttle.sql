-- Failed sign-in streaks per e-mail address (registered or not), shared by every instance so login
-- throttling holds behind a load balancer. No foreign key to users on purpose: unknown addresses are
-- throttled too, so throttling does not reveal which addresses have accounts.
CREATE TABLE sign_in_failures (
    email             text        PRIMARY KEY CHECK (email = lower(email) AND char_length(email) BETWEEN 3 AND 320),
    failures          integer     NOT NULL CHECK (failures >= 1),
    streak_started_at timestamptz NOT NULL,
    last_failure_at   timestamptz NOT NULL,
    locked_until      timestamptz,
    CONSTRAINT sign_in_failures_in_order CHECK (streak_started_at <= last_failure_at)
);

-- The purge deletes streaks quiet since a cutoff (last failure or end of lock-out, whichever is later).
CREATE INDEX sign_in_failures_quiet_since
    ON sign_in_failures (GREATEST(last_failure_at, COALESCE(locked_until, last_failure_at)));
