// Real, unmodified Sentry SDKs against a live Faultline (acceptance/run starts one), then an MCP client (the
// TypeScript SDK, personal token, read only) checks what Faultline stored; a second one, with a personal token
// that may also write, resolves and mutes an issue so the SDK's next events show the regression rules. Each SDK
// reports to an application of its own, so every count is exact:
//   @sentry/node 11.12.0 (pinned in package-lock.json)      SENTRY_NODE_DSN, SENTRY_NODE_APPLICATION,
//                                                           SENTRY_NODE_LIMITED_DSN (a key of the same
//                                                           application with a rate limit of a few a minute)
//   Debian's python3-sentry-sdk 1.9.10, /usr/bin/python3    SENTRY_PYTHON_DSN, SENTRY_PYTHON_APPLICATION,
//                                                           SENTRY_PYTHON_LIMITED_DSN (likewise)
// Also FAULTLINE_URL, FAULTLINE_PERSONAL_TOKEN (read only), FAULTLINE_WRITE_TOKEN (mcp:read mcp:write) and
// FAULTLINE_ADMIN_URL (the admin port, for the ingest metrics).
// Without the Python SDK the Python part is skipped with a message, except on CI (CI=true), where it fails.
// Prints one line per check and a closing count line; exits 1 when a check failed.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';

const HERE = dirname(fileURLToPath(import.meta.url));
const BASE = (process.env.FAULTLINE_URL ?? 'http://localhost:18480').replace(/\/$/, '');
const ADMIN = (process.env.FAULTLINE_ADMIN_URL ?? 'http://localhost:18481').replace(/\/$/, '');
const PYTHON = '/usr/bin/python3';
const SUITE = 'sentry-sdks';

const counts = { passed: 0, failed: 0 };
const transcript = (line) => console.log(`    ${line}`);

async function check(name, body) {
  try {
    await body();
    counts.passed++;
    console.log(`ok   ${SUITE}: ${name}`);
  } catch (error) {
    counts.failed++;
    console.log(`FAIL ${SUITE}: ${name}: ${error?.stack ?? error}`);
  }
}

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

function env(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

/** The DSN with another well-formed public key, one Faultline never issued. */
export function withWrongKey(dsn) {
  const url = new URL(dsn);
  url.username = [...url.username].map((c) => '0123456789abcdef'[(parseInt(c, 16) + 7) % 16]).join('');
  return url.toString();
}

/** Runs one SDK process; returns its exit code, its RESULT line (parsed) and its output for the transcript. */
function runSdk(command, args) {
  const run = spawnSync(command, args, { cwd: HERE, encoding: 'utf8', timeout: 120_000 });
  const line = (run.stdout ?? '').split('\n').find((l) => l.startsWith('RESULT '));
  const result = line ? JSON.parse(line.slice('RESULT '.length)) : null;
  transcript(`${command === PYTHON ? 'python3' : 'node'} ${args[0]} ${args[1]} -> exit ${run.status}`);
  if (!result) {
    transcript(`stdout: ${run.stdout}`);
    transcript(`stderr: ${run.stderr}`);
  }
  return { status: run.status, result, stderr: run.stderr ?? '' };
}

// ---- MCP ------------------------------------------------------------------------------------------------------

let client;
let writer;

async function connected(token) {
  const connection = new Client({ name: 'faultline-sentry-sdks', version: '1.0.0' });
  await connection.connect(new StreamableHTTPClientTransport(new URL(`${BASE}/mcp`), {
    requestInit: { headers: { Authorization: `Bearer ${token}` } },
  }));
  return connection;
}

async function connect() {
  client = await connected(env('FAULTLINE_PERSONAL_TOKEN'));
  writer = await connected(env('FAULTLINE_WRITE_TOKEN'));
}

async function tool(name, args, as = client) {
  const result = await as.callTool({ name, arguments: args });
  expect(!result.isError, `${name} ${JSON.stringify(args)} failed: ${JSON.stringify(result).slice(0, 500)}`);
  return result.structuredContent;
}

async function issuesOf(application) {
  const issues = [];
  let cursor;
  do {
    const page = await tool('list_issues', { application, limit: 100, ...(cursor ? { cursor } : {}) });
    issues.push(...page.issues);
    cursor = page.next_cursor;
  } while (cursor);
  return issues;
}

function only(issues, text) {
  const found = issues.filter((issue) => issue.title.includes(text));
  expect(found.length === 1, `exactly one issue titled with "${text}", found ${found.length}: `
    + JSON.stringify(issues.map((i) => `${i.title} (${i.event_count})`)));
  return found[0];
}

// ---- What each SDK sent, and what Faultline must show --------------------------------------------------------

/** The scenarios both SDKs send, as issues: title text, exception type, level, event count. */
function expectedIssues(sdk) {
  const node = sdk === 'node';
  return {
    caught: { title: 'Payment declined for order 1001', type: node ? 'Error' : 'RuntimeError', level: 'error' },
    twice: { title: 'Customer 4', type: node ? 'TypeError' : 'KeyError', level: 'error', count: 2 },
    message: { title: 'Inventory sync skipped 3 items', level: 'warning' },
    chained: { title: 'Could not save order 1002', type: node ? 'Error' : 'RuntimeError', level: 'error' },
    large: { title: 'Report export too large for batch 9', type: node ? 'Error' : 'RuntimeError', level: 'error' },
    // Node's onUncaughtException marks the event fatal; Python's excepthook integration sends level error.
    uncaught: { title: 'Worker crashed on job 77', type: node ? 'Error' : 'RuntimeError', level: node ? 'fatal' : 'error' },
  };
}

async function checkSdk(sdk, { command, script, dsn, application, release, user, crashFunction }) {
  const args = (mode, key = dsn) => [script, mode, key];
  let scenarios;
  let uncaught;

  await check(`${sdk}: the SDK sends the six scenarios and every answer is 200`, async () => {
    scenarios = runSdk(command, args('scenarios'));
    expect(scenarios.status === 0 && scenarios.result, `the scenarios process failed: ${scenarios.stderr.slice(-2000)}`);
    expect(scenarios.result.requests.length > 0, 'the SDK sent requests');
    for (const request of scenarios.result.requests) {
      transcript(`POST /${request.path.replace(/^\//, '')} content-encoding=${request.encoding ?? '-'} -> ${request.status}`);
    }
    expect(scenarios.result.requests.every((r) => r.status === 200),
      `every request answered 200: ${JSON.stringify(scenarios.result.envelopes ?? scenarios.result.requests)}`);
    uncaught = runSdk(command, args('uncaught'));
    expect(uncaught.status === 1, `the uncaught error ends the process with code 1, got ${uncaught.status}`);
    expect(uncaught.result?.requests.length > 0 && uncaught.result.requests.every((r) => r.status === 200),
      `the uncaught error was sent before exit and answered 200: ${JSON.stringify(uncaught.result)}`);
  });
  if (!scenarios?.result) return;

  if (sdk === 'node') {
    await check('node: the large event went compressed (gzip above 32 KiB), the small ones plain, all to /envelope/', async () => {
      const requests = scenarios.result.requests;
      expect(requests.every((r) => r.path === `/api/${new URL(dsn).pathname.split('/').pop()}/envelope/`),
        `every request went to the envelope endpoint: ${JSON.stringify(requests)}`);
      expect(requests.filter((r) => r.encoding === 'gzip').length === 1,
        `exactly one request (the large event) is gzip: ${JSON.stringify(requests)}`);
      expect(requests.filter((r) => r.encoding !== null && r.encoding !== 'gzip').length === 0, 'no other encoding');
    });
  } else {
    await check('python: every event went to the legacy /store/ endpoint as gzipped JSON', async () => {
      const requests = [...scenarios.result.requests, ...uncaught.result.requests];
      expect(requests.every((r) => r.path.endsWith('/store/') && r.encoding === 'gzip'
        && r.content_type === 'application/json'), JSON.stringify(requests));
    });
  }

  const expected = expectedIssues(sdk);
  let issues;
  await check(`${sdk}: six issues, not seven: the two events with different values and lines are one issue`, async () => {
    issues = await issuesOf(application);
    transcript(issues.map((i) => `${i.level} ${i.exception_type} "${i.title}" ×${i.event_count}`).join('\n    '));
    expect(issues.length === Object.keys(expected).length,
      `${Object.keys(expected).length} issues, got ${issues.length}`);
    for (const [scenario, want] of Object.entries(expected)) {
      const issue = only(issues, want.title);
      expect(issue.event_count === (want.count ?? 1), `${scenario}: ${want.count ?? 1} events, got ${issue.event_count}`);
      expect(issue.level === want.level, `${scenario}: level ${want.level}, got ${issue.level}`);
      if (want.type) expect(issue.exception_type === want.type, `${scenario}: type ${want.type}, got ${issue.exception_type}`);
      expect(issue.status === 'unresolved', `${scenario}: unresolved, got ${issue.status}`);
    }
  });
  if (!issues) return;

  await check(`${sdk}: the caught error's event keeps release, environment, tags, user and the in-app crash frame`, async () => {
    const { latest_event: event } = await tool('get_issue', { issue_id: only(issues, expected.caught.title).id });
    expect(event.release === release, `release ${release}, got ${event.release}`);
    expect(event.environment === 'acceptance', `environment acceptance, got ${event.environment}`);
    expect(event.tags.region === 'eu-west' && event.tags.checkout_step === 'payment',
      `tags region=eu-west, checkout_step=payment: ${JSON.stringify(event.tags)}`);
    expect(event.user?.id === user.id && event.user?.email === user.email,
      `user ${JSON.stringify(user)}: ${JSON.stringify(event.user)}`);
    expect(event.message.includes(expected.caught.title), `message: ${event.message}`);
    const crash = event.frames.find((f) => f.function.includes(crashFunction));
    expect(crash && crash.in_app && crash.line > 0 && crash.file.includes(script.replace(/^.*\//, '')),
      `an in-app frame ${crashFunction} in ${script} with a line: ${JSON.stringify(event.frames.slice(0, 5))}`);
  });

  await check(`${sdk}: the one issue of the two differing events lists both, with both values`, async () => {
    const issue = only(issues, expected.twice.title);
    const { events } = await tool('list_events', { issue_id: issue.id });
    const excerpts = events.map((e) => e.message_excerpt).sort();
    expect(events.length === 2, `2 events, got ${events.length}`);
    expect(excerpts[0].includes('Customer 41 not found') && excerpts[1].includes('Customer 42 not found in region'),
      `the two values: ${JSON.stringify(excerpts)}`);
  });

  await check(`${sdk}: the chained error is one issue of the outer error; get_event shows the cause first`, async () => {
    const { latest_event: event } = await tool('get_issue', { issue_id: only(issues, expected.chained.title).id });
    expect(event.exception_type === expected.chained.type, `type ${expected.chained.type}: ${event.exception_type}`);
    const { crash } = await tool('get_event', { event_id: event.id });
    const chain = (crash?.exceptions ?? []).map((e) => `${e.type}: ${e.value}`);
    transcript(`chain: ${JSON.stringify(chain)}`);
    const cause = sdk === 'node' ? 'RangeError' : 'ValueError';
    expect(chain.length === 2 && chain[0] === `${cause}: Quantity -1 out of range`
      && chain[1].startsWith(`${expected.chained.type}: Could not save order 1002`),
      `the cause ${cause}, then the outer error: ${JSON.stringify(chain)}`);
  });

  await check(`${sdk}: a wrong key gets 403 and stores nothing`, async () => {
    const wrong = runSdk(command, args('wrong-key', withWrongKey(dsn)));
    const statuses = wrong.result?.requests.map((r) => r.status) ?? [];
    expect(statuses.length > 0 && statuses.every((s) => s === 403), `every request answered 403: ${statuses}`);
    const after = await issuesOf(application);
    expect(after.length === issues.length && !after.some((i) => i.title.includes('9999')),
      `no new issue: ${JSON.stringify(after.map((i) => i.title))}`);
    expect(only(after, expected.caught.title).event_count === 1, 'the caught issue still has one event');
  });

  await check(`${sdk}: get_event finds the caught error by the SDK's event_id, with the crash frame's source`, async () => {
    const sdkId = scenarios.result.events.caught[0].replaceAll('-', '');
    const { event, crash } = await tool('get_event', { event_id: sdkId });
    expect(event.message.includes(expected.caught.title) && crash?.sdk_event_id === sdkId,
      `the caught error by its SDK event_id ${sdkId}: ${JSON.stringify({ event, sdk: crash?.sdk_event_id })}`);
    const frame = crash.crash_frame;
    transcript(`crash frame: ${frame?.function} line ${frame?.line}: ${frame?.context_line}`);
    expect(frame?.function?.includes(crashFunction) && frame.in_app === true
      && frame.context_line?.includes(expected.caught.title.replace(/ \d+$/, '')) && frame.pre_context.length > 0,
      `the in-app crash frame ${crashFunction} with its context lines: ${JSON.stringify(frame)}`);
  });
}

/**
 * The regression rules with the SDK's own events: resolve the caught error's issue (write token), then an event
 * dated before the resolution is counted but does not reopen it, and one dated after does (status, activity,
 * list_issues opened_or_regressed_since); then a mute until 2 more events ends on the second.
 */
async function checkRegression(sdk, { command, script, dsn, application, title }) {
  const again = (at) => {
    const run = runSdk(command, at ? [script, 'again', dsn, at] : [script, 'again', dsn]);
    expect(run.status === 0 && run.result?.requests.length > 0 && run.result.requests.every((r) => r.status === 200),
      `the SDK sent the event and it was answered 200: ${JSON.stringify(run.result)} ${run.stderr.slice(-1000)}`);
  };
  const issue = async () => only(await issuesOf(application), title);
  const activity = async (id) => (await tool('get_issue', { issue_id: id })).activity;
  const openedOrRegressedSince = async (at) => (await tool('list_issues',
    { application, opened_or_regressed_since: at, limit: 100 })).issues.map((i) => i.title);
  let id;
  let resolvedAt;
  let count;

  await check(`${sdk}: an owner resolves the caught error's issue through MCP with a write token`, async () => {
    ({ id, event_count: count } = await issue());
    const resolved = await tool('resolve_issue', { issue_id: id }, writer);
    expect(resolved.issue.status === 'resolved', `resolved: ${JSON.stringify(resolved.issue)}`);
    const entry = (await activity(id)).filter((a) => a.what === 'resolved').at(-1);
    expect(entry?.by === 'person', `the activity records the resolution by a person: ${JSON.stringify(entry)}`);
    resolvedAt = entry.at;
    transcript(`resolved at ${resolvedAt}`);
  });
  if (!resolvedAt) return;

  await check(`${sdk}: an SDK event dated before the resolution is counted and does not regress the issue`, async () => {
    const before = new Date(Date.parse(resolvedAt) - 60_000).toISOString();
    again(before);
    const after = await issue();
    expect(after.event_count === count + 1, `counted: ${count + 1} events, got ${after.event_count}`);
    expect(after.status === 'resolved', `still resolved, got ${after.status}`);
    const kinds = (await activity(id)).map((a) => a.what);
    expect(!kinds.includes('regressed'), `no regression in the activity: ${kinds}`);
    const listed = await openedOrRegressedSince(resolvedAt);
    expect(!listed.includes(after.title), `not opened or regressed since the resolution: ${JSON.stringify(listed)}`);
    count = after.event_count;
  });

  await check(`${sdk}: an SDK event after the resolution regresses it: unresolved, in the activity, in the list`, async () => {
    again();
    const after = await issue();
    expect(after.event_count === count + 1, `counted: ${count + 1} events, got ${after.event_count}`);
    expect(after.status === 'unresolved', `regressed to unresolved, got ${after.status}`);
    const regressed = (await activity(id)).filter((a) => a.what === 'regressed');
    expect(regressed.length === 1 && regressed[0].by === 'ingest' && regressed[0].event_id
      && Date.parse(regressed[0].at) >= Date.parse(resolvedAt),
      `one regression by ingest, with its event, after the resolution: ${JSON.stringify(regressed)}`);
    const listed = await openedOrRegressedSince(resolvedAt);
    expect(listed.length === 1 && listed[0] === after.title,
      `exactly this issue opened or regressed since the resolution: ${JSON.stringify(listed)}`);
    count = after.event_count;
  });

  await check(`${sdk}: muted until 2 more events, the issue stays muted after one and unmutes on the second`, async () => {
    const muted = await tool('mute_issue', { issue_id: id, events: 2 }, writer);
    expect(muted.issue.status === 'muted', `muted: ${JSON.stringify(muted.issue)}`);
    again();
    const one = await issue();
    expect(one.status === 'muted' && one.event_count === count + 1,
      `still muted after one more event (${count + 1}): ${JSON.stringify(one)}`);
    again();
    const two = await issue();
    expect(two.status === 'unresolved' && two.event_count === count + 2,
      `unmuted by the second (${count + 2}): ${JSON.stringify(two)}`);
    const kinds = (await activity(id)).map((a) => `${a.what} by ${a.by}`);
    expect(kinds.at(-2) === 'muted by person' && kinds.at(-1) === 'unmuted by ingest',
      `muted by a person, then unmuted by ingest: ${kinds}`);
  });
}

async function checkRateLimit() {
  let run;
  const eventsIn = (issues) => issues.reduce((sum, issue) => sum + issue.event_count, 0);
  let before;
  await check('node: MCP counts the application\'s events before the limited key sends', async () => {
    before = eventsIn(await issuesOf(env('SENTRY_NODE_APPLICATION')));
  });
  await check('node: a rate-limited key answers 429 once its minute\'s worth is used, and the SDK backs off', async () => {
    run = runSdk('node', ['node-sdk.mjs', 'rate-limit', env('SENTRY_NODE_LIMITED_DSN')]);
    expect(run.status === 0 && run.result, `the rate-limit process failed: ${run.stderr.slice(-2000)}`);
    for (const envelope of run.result.envelopes) {
      transcript(`${envelope.types.join(',')} -> ${envelope.status ?? 'not sent (SDK backing off)'}`
        + `${envelope.rateLimits ? ` X-Sentry-Rate-Limits: ${envelope.rateLimits}` : ''}`
        + `${envelope.discarded ? ` ${JSON.stringify(envelope.discarded)}` : ''}`);
    }
    transcript(`waited ${run.result.waited} s (the 429's retry_after + 1) before close()`);
    const events = run.result.envelopes.filter((e) => e.types.includes('event'));
    const answered = events.filter((e) => e.status !== null);
    const limited = answered.at(-1);
    expect(limited?.status === 429, `the key's limit answered 429: ${JSON.stringify(events)}`);
    expect(answered.slice(0, -1).every((e) => e.status === 200) && answered.length > 1,
      `200s until the limit: ${JSON.stringify(answered.map((e) => e.status))}`);
    expect(/\d+:[^:,]*:key:key_quota/.test(limited.rateLimits ?? ''), `the 429 names the key quota: ${limited.rateLimits}`);
    expect(events.length === answered.length + 2 && events.slice(-2).every((e) => e.status === null),
      `the two errors after the 429 were dropped by the SDK, not sent: ${JSON.stringify(events.map((e) => e.status))}`);
  });
  if (!run?.result) return;

  await check('node: after the back-off the SDK\'s client report says ratelimit_backoff, and Faultline counts it', async () => {
    const reports = run.result.envelopes.filter((e) => e.discarded && e.status === 200);
    const reported = reports.flatMap((e) => e.discarded)
      .filter((d) => d.reason === 'ratelimit_backoff' && d.category === 'error')
      .reduce((sum, d) => sum + d.quantity, 0);
    expect(reported === 2, `accepted client reports count the two errors dropped, got ${reported}: `
      + JSON.stringify(run.result.envelopes.filter((e) => e.discarded)));
    const metrics = await (await fetch(`${ADMIN}/metrics`)).json();
    const counter = metrics.counters?.['ingest.sdk_dropped.ratelimit_backoff.error']?.count;
    expect(counter === reported, `ingest.sdk_dropped.ratelimit_backoff.error = ${reported}, got ${counter}`);
  });

  await check('node: exactly the errors answered 200 were stored', async () => {
    const stored = run.result.envelopes.filter((e) => e.types.includes('event') && e.status === 200).length;
    const after = eventsIn(await issuesOf(env('SENTRY_NODE_APPLICATION')));
    expect(after === before + stored, `${stored} more events in the application (${before} before), got ${after}`);
  });
}

/**
 * Debian's python3-sentry-sdk 1.9.10 obeys X-Sentry-Rate-Limits on its legacy /store/ requests too: it drops
 * the events of the limited categories itself and sends its client report (an envelope, to /envelope/) at the
 * next flush, since the key quota's header leaves the report's category ("internal") out.
 */
async function checkPythonRateLimit() {
  const application = env('SENTRY_PYTHON_APPLICATION');
  const eventsIn = (issues) => issues.reduce((sum, issue) => sum + issue.event_count, 0);
  const metric = async () => (await (await fetch(`${ADMIN}/metrics`)).json())
    .counters?.['ingest.sdk_dropped.ratelimit_backoff.error']?.count ?? 0;
  let before;
  let metricBefore;
  let run;
  await check('python: a rate-limited key answers 429 once its minute\'s worth is used, and the SDK backs off', async () => {
    before = eventsIn(await issuesOf(application));
    metricBefore = await metric();
    run = runSdk(PYTHON, [join(HERE, 'python-sdk.py'), 'rate-limit', env('SENTRY_PYTHON_LIMITED_DSN')]);
    expect(run.status === 0 && run.result, `the rate-limit process failed: ${run.stderr.slice(-2000)}`);
    for (const request of run.result.requests) {
      transcript(`POST ${request.path} -> ${request.status}${request.rate_limits ? ` X-Sentry-Rate-Limits: `
        + request.rate_limits : ''}${request.discarded ? ` ${JSON.stringify(request.discarded)}` : ''}`);
    }
    const events = run.result.requests.filter((r) => r.path.endsWith('/store/'));
    expect(events.length > 1 && events.slice(0, -1).every((r) => r.status === 200) && events.at(-1).status === 429,
      `200s until the limit, then 429: ${JSON.stringify(events.map((r) => r.status))}`);
    expect(/\d+:[^:,]*:key:key_quota/.test(events.at(-1).rate_limits ?? ''),
      `the 429 names the key quota: ${events.at(-1).rate_limits}`);
    const sent = run.result.events.dropped?.length ?? 0;
    expect(sent === 2, `the SDK captured the two errors after the 429: ${JSON.stringify(run.result.events)}`);
  });
  if (!run?.result) return;

  await check('python: its client report says the two errors were dropped as ratelimit_backoff; Faultline counts it', async () => {
    const reports = run.result.requests.filter((r) => r.discarded);
    expect(reports.every((r) => r.status === 200 && r.path.endsWith('/envelope/')),
      `client reports went to /envelope/ and were accepted: ${JSON.stringify(reports)}`);
    const reported = reports.flatMap((r) => r.discarded)
      .filter((d) => d.reason === 'ratelimit_backoff' && d.category === 'error')
      .reduce((sum, d) => sum + d.quantity, 0);
    expect(reported === 2, `the reports count the two errors dropped, got ${reported}: ${JSON.stringify(reports)}`);
    const counted = await metric();
    expect(counted === metricBefore + reported,
      `ingest.sdk_dropped.ratelimit_backoff.error grew by ${reported}: ${metricBefore} -> ${counted}`);
  });

  await check('python: exactly the errors answered 200 were stored', async () => {
    const stored = run.result.requests.filter((r) => r.path.endsWith('/store/') && r.status === 200).length;
    const after = eventsIn(await issuesOf(application));
    expect(after === before + stored, `${stored} more events in the application (${before} before), got ${after}`);
  });
}

function pythonSdkInstalled() {
  return existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import sentry_sdk']).status === 0;
}

await check('the MCP client connects with the personal token', connect);
await checkSdk('node', {
  command: 'node', script: 'node-sdk.mjs', dsn: env('SENTRY_NODE_DSN'), application: env('SENTRY_NODE_APPLICATION'),
  release: 'shop-node@1.4.2', user: { id: 'user-1001', email: 'ada@example.com' }, crashFunction: 'chargeCard',
});
await checkRegression('node', {
  command: 'node', script: 'node-sdk.mjs', dsn: env('SENTRY_NODE_DSN'), application: env('SENTRY_NODE_APPLICATION'),
  title: expectedIssues('node').caught.title,
});
await checkRateLimit();
if (pythonSdkInstalled()) {
  await checkSdk('python', {
    command: PYTHON, script: join(HERE, 'python-sdk.py'), dsn: env('SENTRY_PYTHON_DSN'),
    application: env('SENTRY_PYTHON_APPLICATION'), release: 'shop-python@2.7.0',
    user: { id: 'user-2002', email: 'grace@example.com' }, crashFunction: 'charge_card',
  });
  await checkRegression('python', {
    command: PYTHON, script: join(HERE, 'python-sdk.py'), dsn: env('SENTRY_PYTHON_DSN'),
    application: env('SENTRY_PYTHON_APPLICATION'), title: expectedIssues('python').caught.title,
  });
  await checkPythonRateLimit();
} else if (process.env.CI === 'true') {
  await check('python: Debian\'s python3-sentry-sdk is installed (.ci/run installs it)', () => {
    throw new Error(`${PYTHON} cannot import sentry_sdk`);
  });
} else {
  console.log(`skip ${SUITE}: python: ${PYTHON} cannot import sentry_sdk (apt-get install python3-sentry-sdk)`);
}
await client?.close().catch(() => {});
await writer?.close().catch(() => {});

console.log(`${SUITE}: ${counts.passed} passed, ${counts.failed} failed`);
process.exitCode = counts.failed === 0 ? 0 : 1;
