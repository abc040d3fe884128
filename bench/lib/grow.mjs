// Data growth by SQL: issues and events on the demo's two applications, shaped like what the ingest path stores
// (events, tags, tallies per release and environment, daily counts, the opening activity, the grouping; stack
// frames, a second tag and the SDK document, in the form Faultline stores it (SdkEventDocument), for each issue's latest
// event, the one get_issue and get_event show).
// Older events carry their row and one tag but no frames or document: that keeps growth near a minute, and no
// measured call reads them. Deterministic (setseed), realistic titles, levels, releases, environments and timestamps spread over
// 90 days. Foreign keys are not re-checked row by row (session_replication_role = replica): every row is built
// from its parent in the same script.

const JAVA = {
  slug: "checkout-api", release: "checkout@2.", pkg: "com.acme.checkout",
  types: ["java.lang.NullPointerException", "java.lang.IllegalStateException", "java.net.SocketTimeoutException",
    "java.lang.IndexOutOfBoundsException", "java.sql.SQLTransientConnectionException",
    "com.fasterxml.jackson.databind.exc.MismatchedInputException", "java.lang.IllegalArgumentException",
    "java.util.ConcurrentModificationException", "java.lang.ArithmeticException", "java.io.UncheckedIOException"],
  messages: ["Cannot invoke \"%s.items()\" because \"cart\" is null", "order %s is not in state PLACED",
    "Read timed out calling %s", "Index %s out of bounds for length %s", "HikariPool-1 - Connection is not available, request timed out after 30000ms (%s)",
    "Cannot deserialize value of type `%s` from Array value", "unknown currency %s",
    "collection modified while iterating %s", "/ by zero in %s", "failed to write invoice %s"],
  modules: ["cart.CartService", "order.OrderService", "shipping.ShippingRatesClient", "invoice.InvoiceRenderer",
    "payment.PaymentGateway", "api.CheckoutResource", "loyalty.LoyaltyPointsListener", "reports.ReportExporter",
    "tax.TaxCalculator", "inventory.StockReservations"],
  functions: ["checkout", "quote", "render", "charge", "update", "onEvent", "export", "reserve", "apply", "load"],
  file: "java", routes: ["POST /checkout", "GET /cart", "PUT /cart", "POST /payments", "GET /orders"],
};
const ANDROID = {
  slug: "pocket-android", release: "pocket@5.", pkg: "com.acme.pocket",
  types: ["kotlin.UninitializedPropertyAccessException", "java.lang.NullPointerException",
    "android.view.WindowManager$BadTokenException", "java.lang.IllegalStateException",
    "android.database.sqlite.SQLiteDatabaseLockedException", "java.net.UnknownHostException",
    "java.lang.OutOfMemoryError", "kotlinx.coroutines.JobCancellationException",
    "android.os.TransactionTooLargeException", "java.lang.SecurityException"],
  messages: ["lateinit property %s has not been initialized", "Attempt to invoke virtual method on a null object reference (%s)",
    "Unable to add window -- token %s is not valid; is your activity running?", "Fragment %s not attached to a context.",
    "database is locked (code 5 SQLITE_BUSY) in %s", "Unable to resolve host \"%s.acme.com\": No address associated with hostname",
    "Failed to allocate a %s byte allocation", "Job was cancelled in %s", "data parcel size %s bytes",
    "Permission Denial: %s requires android.permission.CAMERA"],
  modules: ["feed.FeedViewModel", "sync.SyncWorker", "ui.MainActivity", "camera.ScanFragment", "db.PocketDatabase",
    "net.ApiClient", "images.ThumbnailCache", "auth.SessionRepository", "share.ShareSheet", "settings.SettingsFragment"],
  functions: ["onCreate", "doWork", "bind", "onResume", "query", "execute", "decode", "refresh", "share", "onViewCreated"],
  file: "kt", routes: ["FeedActivity", "ScanActivity", "SettingsActivity", "LoginActivity", "ShareActivity"],
};

const lit = (s) => `'${s.replace(/'/g, "''")}'`;
const arr = (list) => `ARRAY[${list.map(lit).join(",")}]`;

/** Picks element 1 + floor(r * n) of a side's array (side 0 = checkout-api, 1 = pocket-android). */
function pick(field, r) {
  return `(CASE side WHEN 0 THEN (${arr(JAVA[field])})[1 + floor(${r} * ${JAVA[field].length})::int] `
    + `ELSE (${arr(ANDROID[field])})[1 + floor(${r} * ${ANDROID[field].length})::int] END)`;
}

/**
 * SQL adding `count` issues numbered after `from` (fingerprints bench-N), with 1 + floor(maxExtra * r^2) events
 * each (mean ≈ 1 + maxExtra / 3), and their latest event's frames and document.
 */
export function growthSql({ from, count, maxExtraEvents, seed }) {
  return `
SET session_replication_role = replica;
SET synchronous_commit = off;
SELECT setseed(${seed});
CREATE TEMP TABLE g_issue AS
WITH base AS (
  SELECT n, n % 2 AS side, random() r1, random() r2, random() r3, random() r4, random() r5, random() r6, random() r7,
         random() r8
  FROM generate_series(${from + 1}, ${from + count}) n)
SELECT gen_random_uuid() AS id, n, side,
       (SELECT id FROM applications WHERE slug = CASE side WHEN 0 THEN ${lit(JAVA.slug)} ELSE ${lit(ANDROID.slug)} END) AS app,
       ${pick("types", "r1")} AS type,
       format(${pick("messages", "r2")}, (${lit(JAVA.pkg)} || '.' || ${pick("modules", "r3")}), (n % 97)::text) AS message,
       (CASE side WHEN 0 THEN ${lit(JAVA.pkg)} ELSE ${lit(ANDROID.pkg)} END) || '.' || ${pick("modules", "r3")} || '.'
         || ${pick("functions", "r4")} AS culprit,
       CASE WHEN r5 < 0.04 THEN 'fatal' WHEN r5 < 0.78 THEN 'error' WHEN r5 < 0.95 THEN 'warning' ELSE 'info' END AS level,
       CASE WHEN r6 < 0.76 THEN 'unresolved' WHEN r6 < 0.94 THEN 'resolved' ELSE 'muted' END AS status,
       now() - interval '89 days' * r7 AS first_seen,
       1 + floor(${maxExtraEvents} * r8 * r8)::int AS events,
       random() AS r9
FROM base;
ALTER TABLE g_issue ADD COLUMN last_seen timestamptz;
UPDATE g_issue SET last_seen = first_seen + (now() - first_seen) * (1 - r9 * r9);

INSERT INTO issues (id, application_id, fingerprint, title, culprit, exception_type, level, status, mute_kind,
                    first_seen, last_seen, event_count, resolved_at)
SELECT id, app, 'bench-' || n, left(regexp_replace(type, '^.*[.$]', '') || ': ' || message, 255), culprit, type, level,
       status, CASE WHEN status = 'muted' THEN 'forever' END, first_seen, last_seen, events,
       CASE WHEN status = 'resolved' THEN last_seen END
FROM g_issue;

CREATE TEMP TABLE g_event AS
SELECT gen_random_uuid() AS id, i.id AS issue_id, i.app, i.side, i.n, e AS k, i.events, i.type, i.message, i.level, i.culprit,
       CASE WHEN e = i.events THEN i.last_seen WHEN e = 1 THEN i.first_seen
            ELSE i.first_seen + (i.last_seen - i.first_seen) * random() END AS occurred_at,
       CASE WHEN random() < 0.8 THEN 'production' WHEN random() < 0.75 THEN 'staging' ELSE 'development' END AS environment,
       (CASE i.side WHEN 0 THEN ${lit(JAVA.release)} ELSE ${lit(ANDROID.release)} END)
         || (10 + floor(random() * 6)::int) || '.' || floor(random() * 4)::int AS release,
       'u-' || floor(random() * 20000)::int AS user_ref,
       random() AS r1, random() AS r2
FROM g_issue i, generate_series(1, i.events) e;

INSERT INTO events (id, issue_id, occurred_at, message, exception_type, level, environment, release, user_ref)
SELECT id, issue_id, occurred_at, message, type, level, environment, release, user_ref FROM g_event;

CREATE TEMP TABLE g_latest AS SELECT * FROM g_event WHERE k = events;

INSERT INTO event_tags (event_id, key, value)
SELECT id, 'region', (ARRAY['eu-west-1','us-east-1','ap-southeast-2'])[1 + floor(r1 * 3)::int] FROM g_event
UNION ALL
SELECT id, CASE side WHEN 0 THEN 'http.route' ELSE 'activity' END,
       ${pick("routes", "r2")} FROM g_latest;

INSERT INTO event_frames (event_id, position, file_name, function_name, line, in_app)
SELECT l.id, p,
       CASE WHEN p < 3 THEN regexp_replace(l.culprit, '^.*[.]([A-Za-z]+)[.][A-Za-z]+$', '\\1') || '.' || CASE l.side WHEN 0 THEN ${lit(JAVA.file)} ELSE ${lit(ANDROID.file)} END
            ELSE (ARRAY['ServletHolder.java','ServletHandler.java','FilterChain.java','Handler.java','Looper.java',
                        'ThreadPoolExecutor.java','Thread.java'])[1 + (p % 7)] END,
       CASE WHEN p < 3 THEN CASE p WHEN 0 THEN l.culprit ELSE regexp_replace(l.culprit, '[.][A-Za-z]+$', '') || '.call' || p END
            ELSE (ARRAY['org.eclipse.jetty.ee10.servlet.ServletHolder.handle','org.eclipse.jetty.ee10.servlet.ServletHandler.doFilter',
                        'jakarta.servlet.FilterChain.doFilter','android.os.Handler.dispatchMessage','android.os.Looper.loop',
                        'java.util.concurrent.ThreadPoolExecutor.runWorker','java.lang.Thread.run'])[1 + (p % 7)] END,
       40 + p * 17 + l.n % 50, p < 3
FROM g_latest l, generate_series(0, 7) p;

INSERT INTO ingested_events (event_id, application_id, sdk_event_id, received_at, document)
SELECT id, app, replace(id::text, '-', ''), occurred_at,
       jsonb_build_object('event_id', replace(id::text, '-', ''),
         'timestamp', to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
         'platform', 'java', 'level', level, 'release', release, 'environment', environment,
         'user', jsonb_build_object('id', user_ref),
         'tags', jsonb_build_object('region', 'eu-west-1'),
         'exception', jsonb_build_array(jsonb_build_object(
           'type', regexp_replace(type, '^.*[.$]', ''), 'module', regexp_replace(type, '[.$][^.$]*$', ''),
           'value', message, 'synthetic', false,
           'stacktrace', jsonb_build_object('frames', (SELECT jsonb_agg(jsonb_build_object('filename', f.file_name,
             'function', f.function_name, 'lineno', f.line, 'in_app', f.in_app) ORDER BY f.position DESC)
             FROM event_frames f WHERE f.event_id = g_latest.id)))),
         'sdk', jsonb_build_object('name', 'sentry.java', 'version', '8.21.0'))
FROM g_latest;

INSERT INTO issue_groupings (issue_id, version, canonical_text)
SELECT id, 1, type || E'\\n' || culprit FROM g_issue;

-- With triggers off (replica role) each tally row is given its issue's copies here, as V16's trigger would.
INSERT INTO issue_tallies (issue_id, dimension, value, first_seen, last_seen, event_count, application_id, issue_status,
                           issue_level, issue_muted_until)
SELECT t.*, i.application_id, i.status, i.level, i.muted_until
FROM (SELECT issue_id, 'release' AS dimension, release AS value, min(occurred_at), max(occurred_at), count(*)
      FROM g_event GROUP BY issue_id, release
      UNION ALL
      SELECT issue_id, 'environment', environment, min(occurred_at), max(occurred_at), count(*)
      FROM g_event GROUP BY issue_id, environment) t
JOIN issues i ON i.id = t.issue_id;

INSERT INTO issue_daily_counts (issue_id, day, event_count)
SELECT issue_id, (occurred_at AT TIME ZONE 'UTC')::date, count(*) FROM g_event GROUP BY 1, 2;

INSERT INTO issue_activity (issue_id, kind, actor_kind, occurred_at, event_id)
SELECT i.id, 'opened', 'ingest', i.first_seen, NULL::uuid FROM g_issue i
UNION ALL
SELECT i.id, 'resolved', 'system', i.last_seen, NULL::uuid FROM g_issue i WHERE i.status = 'resolved';

DROP TABLE g_issue, g_event, g_latest;
RESET session_replication_role;
ANALYZE issues; ANALYZE events; ANALYZE event_tags; ANALYZE event_frames; ANALYZE issue_tallies;
ANALYZE issue_daily_counts; ANALYZE issue_activity; ANALYZE ingested_events;
`;
}

/**
 * SQL growing one grant's chain to generation 9,999 exactly as 9,998 rotations would have left it (one
 * refresh_tokens row per generation, the chain's current and previous hash, generation and times), the current
 * refresh token being one the harness knows; one real refresh over HTTP then takes it to generation 10,000.
 */
export function chainGrowthSql({ presentedHash, knownHash }) {
  return `
BEGIN;
CREATE TEMP TABLE g_chain AS SELECT chain_id AS id FROM refresh_tokens WHERE token_hash = '${presentedHash}' AND generation = 1;
INSERT INTO refresh_tokens (token_hash, chain_id, generation)
SELECT encode(sha256(convert_to('bench-rotation-' || c.id || '-' || g, 'UTF8')), 'hex'), c.id, g
FROM g_chain c, generate_series(2, 9998) g;
INSERT INTO refresh_tokens (token_hash, chain_id, generation) SELECT '${knownHash}', id, 9999 FROM g_chain;
UPDATE token_chains t
SET current_refresh_hash = '${knownHash}', generation = 9999,
    previous_refresh_hash = (SELECT r.token_hash FROM refresh_tokens r WHERE r.chain_id = t.id AND r.generation = 9998),
    current_issued_at = now(), refresh_expires_at = LEAST(now() + interval '30 days', t.grant_ends_at), last_used_at = now()
WHERE t.id = (SELECT id FROM g_chain) AND t.generation = 1;
DROP TABLE g_chain;
COMMIT;
`;
}
