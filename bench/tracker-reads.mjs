// Latency of Faultline's tracker reads over real HTTP: list_issues under each filter and sort, get_issue,
// get_event, and an authenticated ping as the floor. Node 20+, no dependencies, one request at a time on loopback.
// Usage: node tracker-reads.mjs <base url> <personal token> [rounds, default 200] [case name filter]
// Prints one JSON line per case: p50/p90/p99 in ms and how many issues the first page held. Cases are run in
// interleaved rounds (every case once per round), so a burst of other load on the machine hits them alike.
const [base, token, roundsArg, only] = process.argv.slice(2);
const rounds = Number(roundsArg ?? 200);
const url = `${base}/mcp`;
let id = 0;

async function call(method, params) {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json, text/event-stream",
      authorization: `Bearer ${token}`, "mcp-protocol-version": "2025-11-25" },
    body: JSON.stringify({ jsonrpc: "2.0", id: ++id, method, params }),
  });
  const body = await res.json();
  if (res.status !== 200 || body.error || body.result?.isError) {
    throw new Error(`${method} ${JSON.stringify(params)}: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
  }
  return body.result;
}

const tool = (name, args) => call("tools/call", { name, arguments: args });
const days = (n) => new Date(Date.now() - n * 86400e3).toISOString();

const apps = (await tool("list_applications", {})).structuredContent.applications.map((a) => a.slug);
const anIssue = (await tool("list_issues", { limit: 1, sort: "events" })).structuredContent.issues[0];
const anEvent = (await tool("list_events", { issue_id: anIssue.id, limit: 1 })).structuredContent.events[0];
const release = `${apps[0]}@1.2`;

const cases = {
  ping: () => call("ping", {}),
  list_default: () => tool("list_issues", {}),
  // the three list_issues targets of bench/run (bench/lib/bench.mjs)
  list_bench_filters: () => tool("list_issues", { status: "unresolved", environment: "production", level: "error" }),
  list_bench_text: () => tool("list_issues", { query: "timed out" }),
  list_bench_events: () => tool("list_issues", { status: "unresolved", sort: "events" }),
  list_first_seen: () => tool("list_issues", { sort: "first_seen" }),
  list_events_sort: () => tool("list_issues", { sort: "events" }),
  list_unresolved: () => tool("list_issues", { status: "unresolved" }),
  list_muted: () => tool("list_issues", { status: "muted" }),
  list_resolved_events: () => tool("list_issues", { status: "resolved", sort: "events" }),
  list_one_app: () => tool("list_issues", { application: apps[0] }),
  list_one_app_events: () => tool("list_issues", { application: apps[0], sort: "events" }),
  list_text_common: () => tool("list_issues", { query: "timeout" }),
  list_text_rare: () => tool("list_issues", { query: "#4242" }),
  list_text_none: () => tool("list_issues", { query: "no such words anywhere" }),
  list_text_events_unresolved: () => tool("list_issues", { query: "exception", sort: "events", status: "unresolved" }),
  list_release: () => tool("list_issues", { release }),
  list_environment: () => tool("list_issues", { environment: "staging", sort: "events" }),
  list_level_fatal: () => tool("list_issues", { level: "fatal" }),
  list_since_7d: () => tool("list_issues", { since: days(7), sort: "events" }),
  list_until_60d: () => tool("list_issues", { until: days(60) }),
  list_regressed_7d: () => tool("list_issues", { opened_or_regressed_since: days(7) }),
  list_all_filters: () => tool("list_issues", { application: apps[0], status: "unresolved", query: "exception",
    release, environment: "production", level: "error", opened_or_regressed_since: days(60), sort: "events" }),
  get_issue: () => tool("get_issue", { issue_id: anIssue.id }),
  get_event: () => tool("get_event", { event_id: anEvent.id }),
};
const names = Object.keys(cases).filter((n) => !only || n.includes(only));
const times = Object.fromEntries(names.map((n) => [n, []]));
const found = {};
for (const n of names) {  // warm-up, and the size of each first page
  for (let i = 0; i < 20; i++) await cases[n]();
  const r = await cases[n]();
  found[n] = r?.structuredContent?.issues?.length;
}
for (let r = 0; r < rounds; r++) {
  for (const n of names) {
    const t = process.hrtime.bigint();
    await cases[n]();
    times[n].push(Number(process.hrtime.bigint() - t) / 1e6);
  }
}
const pct = (xs, p) => xs[Math.min(xs.length - 1, Math.floor(xs.length * p))];
for (const n of names) {
  const xs = times[n].sort((a, b) => a - b);
  console.log(JSON.stringify({ case: n, p50_ms: +pct(xs, 0.5).toFixed(2), p90_ms: +pct(xs, 0.9).toFixed(2),
    p99_ms: +pct(xs, 0.99).toFixed(2), page: found[n] }));
}
