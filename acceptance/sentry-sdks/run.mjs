// Real, unmodified Sentry SDKs against a live Faultline (acceptance/run starts one), then an MCP client (the
// TypeScript SDK, personal token, read only) checks what Faultline stored. Each SDK reports to an application
// of its own, so every count is exact:
//   @sentry/node 11.12.0 (pinned in package-lock.json)      SENTRY_NODE_DSN, SENTRY_NODE_APPLICATION,
//                                                           SENTRY_NODE_LIMITED_DSN (a key of the same
//                                                           application with a rate limit of a few a minute)
//   Debian's python3-sentry-sdk 1.9.10, /usr/bin/python3    SENTRY_PYTHON_DSN, SENTRY_PYTHON_APPLICATION
// Also FAULTLINE_URL, FAULTLINE_PERSONAL_TOKEN and FAULTLINE_ADMIN_URL (the admin port, for the ingest metrics).
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
const notExposed = [];

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

async function connect() {
  client = new Client({ name: 'faultline-sentry-sdks', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(`${BASE}/mcp`), {
    requestInit: { headers: { Authorization: `Bearer ${env('FAULTLINE_PERSONAL_TOKEN')}` } },
  }));
}

async function tool(name, args) {
  const result = await client.callTool({ name, arguments: args });
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

  await check(`${sdk}: the chained error is one issue of the outer error; its event names the cause`, async () => {
    const { latest_event: event } = await tool('get_issue', { issue_id: only(issues, expected.chained.title).id });
    const shown = JSON.stringify(event);
    const cause = sdk === 'node' ? 'RangeError' : 'ValueError';
    if (!shown.includes(cause) || !shown.includes('Quantity -1 out of range')) {
      notExposed.push(`${sdk}: the exception chain (cause ${cause}) in get_event/get_issue`);
      transcript(`not exposed by the MCP tools on this build: the cause ${cause} of the chained error`);
    }
    expect(event.exception_type === expected.chained.type, `type ${expected.chained.type}: ${event.exception_type}`);
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

  await check(`${sdk}: probes what the MCP tools show beyond the summary (context lines, SDK event id)`, async () => {
    const { latest_event: event } = await tool('get_issue', { issue_id: only(issues, expected.caught.title).id });
    if (!/context/i.test(JSON.stringify(event))) {
      notExposed.push(`${sdk}: the crash frame's context lines (pre/context/post) in get_event`);
    }
    const sdkId = scenarios.result.events.caught[0].replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');
    const bySdkId = await client.callTool({ name: 'get_event', arguments: { event_id: sdkId } });
    if (bySdkId.isError) {
      notExposed.push(`${sdk}: get_event by the SDK's event_id (${sdkId}): ${bySdkId.content?.[0]?.text?.slice(0, 120)}`);
    } else {
      expect(bySdkId.structuredContent.event.message.includes(expected.caught.title),
        `get_event by the SDK's event_id finds the caught error: ${JSON.stringify(bySdkId.structuredContent).slice(0, 300)}`);
    }
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

function pythonSdkInstalled() {
  return existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import sentry_sdk']).status === 0;
}

await check('the MCP client connects with the personal token', connect);
await checkSdk('node', {
  command: 'node', script: 'node-sdk.mjs', dsn: env('SENTRY_NODE_DSN'), application: env('SENTRY_NODE_APPLICATION'),
  release: 'shop-node@1.4.2', user: { id: 'user-1001', email: 'ada@example.com' }, crashFunction: 'chargeCard',
});
await checkRateLimit();
if (pythonSdkInstalled()) {
  await checkSdk('python', {
    command: PYTHON, script: join(HERE, 'python-sdk.py'), dsn: env('SENTRY_PYTHON_DSN'),
    application: env('SENTRY_PYTHON_APPLICATION'), release: 'shop-python@2.7.0',
    user: { id: 'user-2002', email: 'grace@example.com' }, crashFunction: 'charge_card',
  });
} else if (process.env.CI === 'true') {
  await check('python: Debian\'s python3-sentry-sdk is installed (.ci/run installs it)', () => {
    throw new Error(`${PYTHON} cannot import sentry_sdk`);
  });
} else {
  console.log(`skip ${SUITE}: python: ${PYTHON} cannot import sentry_sdk (apt-get install python3-sentry-sdk)`);
}
await client?.close().catch(() => {});

for (const item of notExposed) console.log(`todo ${SUITE}: not exposed through MCP yet: ${item}`);
console.log(`${SUITE}: ${counts.passed} passed, ${counts.failed} failed`);
process.exitCode = counts.failed === 0 ? 0 : 1;
