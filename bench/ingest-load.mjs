// Load generator for Faultline's Sentry ingest endpoint: replays an SDK-shaped envelope with fresh event ids.
// Node 20+, no dependencies. Prints one JSON line per phase; bench/ingest-capacity runs it against a live server.
// Usage: node ingest-load.mjs <envelope url with sentry_key> <phase> <seconds> <issues> [rate|concurrency] [serverPid]
// RELEASES=N (default 1) spreads each issue's events over N releases in turn (checkout@1.0 .. checkout@1.<N-1>).
import { randomUUID } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { OPEN_LOOP_TICK_MS, arrivals } from "./lib/load.mjs";

const [url, phase, seconds, issues, knob, serverPid] = process.argv.slice(2);
const durationMs = Number(seconds) * 1000;
const issueCount = Number(issues);
const TICKS = 100; // USER_HZ on Linux
const releaseCount = Number(process.env.RELEASES || 1);

function frames(k) {
  const list = [];
  for (let i = 0; i < 18; i++) {
    list.push({ filename: "node:internal/modules/run_main", module: "run_main", function: `internal${i}`,
      lineno: 100 + i, colno: 7, in_app: false });
  }
  list.push({ filename: "/srv/checkout/src/cart.js", module: "cart", function: `loadCart${k}`, lineno: 40 + k,
    colno: 12, in_app: true, context_line: "  const items = cart.items.map(toLine);",
    pre_context: ["function loadCart() {", "  const cart = session.cart;"], post_context: ["  return items;", "}"] });
  list.push({ filename: "/srv/checkout/src/routes.js", module: "routes", function: "handleCheckout", lineno: 88,
    colno: 5, in_app: true, context_line: "  await loadCart(req.session);" });
  return list;
}

function envelope(n) {
  const k = n % issueCount;
  const release = releaseCount > 1 ? `checkout@1.${Math.floor(n / issueCount) % releaseCount}` : "checkout@1.4.2";
  const id = randomUUID().replace(/-/g, "");
  const now = new Date().toISOString();
  const event = {
    event_id: id, timestamp: Date.now() / 1000, platform: "node", level: "error", release,
    environment: "production", server_name: "web-1", tags: { region: "eu-west-1", plan: "pro" },
    user: { id: `u-${Math.floor(Math.random() * 1000)}`, email: "someone@example.com" },
    contexts: { os: { name: "Linux", version: "6.1" }, runtime: { name: "node", version: "v20.20.2" } },
    exception: { values: [{ type: `TypeError${k}`, value: `Cannot read properties of undefined (reading 'items') #${Math.random()}`,
      mechanism: { type: "generic", handled: true }, stacktrace: { frames: frames(k) } }] },
    breadcrumbs: { values: [{ timestamp: Date.now() / 1000, category: "http", message: "GET /cart", level: "info" }] },
    sdk: { name: "sentry.javascript.node", version: "11.12.0" },
  };
  return `{"event_id":"${id}","sent_at":"${now}","sdk":{"name":"sentry.javascript.node","version":"11.12.0"}}\n`
    + `{"type":"event"}\n${JSON.stringify(event)}\n`;
}

function cpuTicks(pid) {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return Number(f[11]) + Number(f[12]); // utime, stime
  } catch { return 0; }
}

function rssKb(pid) {
  try {
    const m = readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+)/);
    return m ? Number(m[1]) : 0;
  } catch { return 0; }
}

/**
 * Every postgres process's CPU, plus what exited backends used: a backend's time is added to its postmaster's
 * cutime/cstime when it exits, so connections closed during a phase are still counted.
 */
function postgresTicks() {
  const stats = new Map();
  for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, "utf8").trim() !== "postgres") continue;
      const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
      stats.set(pid, { ppid: f[1], own: Number(f[11]) + Number(f[12]), children: Number(f[13]) + Number(f[14]) });
    } catch { /* gone */ }
  }
  let total = 0;
  for (const stat of stats.values()) {
    total += stat.own + (stats.has(stat.ppid) ? 0 : stat.children);
  }
  return total;
}

const statuses = {};
const latencies = [];
let errors = 0;
let next = 0;

/** {@code scheduled}: the open loop's arrival time, which latency counts from (a queue in this client is counted). */
async function one(scheduled) {
  const body = envelope(next++);
  const started = scheduled ?? performance.now();
  try {
    const res = await fetch(url, { method: "POST", body });
    await res.arrayBuffer();
    statuses[res.status] = (statuses[res.status] || 0) + 1;
    if (res.status === 200) latencies.push(performance.now() - started);
  } catch {
    errors++;
  }
}

function percentile(p) {
  if (latencies.length === 0) return null;
  const sorted = [...latencies].sort((a, b) => a - b);
  return Number(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))].toFixed(1));
}

const appBefore = serverPid ? cpuTicks(serverPid) : 0;
const pgBefore = postgresTicks();
const rssBefore = serverPid ? rssKb(serverPid) : 0;
const start = performance.now();
if (phase === "closed") {
  const concurrency = Number(knob);
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (performance.now() - start < durationMs) await one();
  }));
} else {
  const rate = Number(knob);
  const inFlight = new Set();
  const schedule = arrivals(start, durationMs, rate);
  while (performance.now() < schedule.end) {
    for (const scheduled of schedule.due(performance.now())) {
      if (inFlight.size >= 4000) { statuses.client_dropped = (statuses.client_dropped || 0) + 1; continue; }
      const p = one(scheduled).finally(() => inFlight.delete(p));
      inFlight.add(p);
    }
    await new Promise((r) => setTimeout(r, OPEN_LOOP_TICK_MS));
  }
  // Arrivals of the phase this client did not get to before its end: at 10x it falls behind, since starting each
  // request takes it time too. Counted, not sent: sending them now would stretch the phase.
  const late = schedule.rest().length;
  if (late) statuses.not_sent = late;
  await Promise.all(inFlight);
}
const elapsed = (performance.now() - start) / 1000;
const accepted = statuses[200] || 0;
const appMs = serverPid ? ((cpuTicks(serverPid) - appBefore) * 1000) / TICKS : null;
const pgMs = ((postgresTicks() - pgBefore) * 1000) / TICKS;
console.log(JSON.stringify({
  phase, issues: issueCount, knob: Number(knob), seconds: Number(elapsed.toFixed(1)),
  accepted_per_s: Number((accepted / elapsed).toFixed(1)), statuses, errors,
  p50_ms: percentile(50), p99_ms: percentile(99),
  app_cpu_us_per_event: accepted && appMs !== null ? Math.round((appMs * 1000) / accepted) : null,
  pg_cpu_us_per_event: accepted ? Math.round((pgMs * 1000) / accepted) : null,
  server_rss_mb: serverPid ? { before: Math.round(rssBefore / 1024), after: Math.round(rssKb(serverPid) / 1024) } : null,
}));
