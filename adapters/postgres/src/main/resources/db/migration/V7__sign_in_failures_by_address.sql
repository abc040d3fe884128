-- Failed sign-ins per client address across all accounts (password spraying), in fixed windows. Shared by every
-- instance, like the per-address-of-mail streaks, so the limit holds behind a load balancer and across restarts.
CREATE TABLE sign_in_failures_by_address (
    address           text        PRIMARY KEY CHECK (char_length(address) BETWEEN 1 AND 100),
    failures          integer     NOT NULL CHECK (failures >= 0),
    window_started_at timestamptz NOT NULL
);

-- The purge deletes counts whose window is over.
CREATE INDEX sign_in_failures_by_address_window ON sign_in_failures_by_address (window_started_at);
