// Faultline's performance bench, driven by bench/run (which starts Faultline and the anchors and passes their
// addresses in the environment). One run: real OAuth grants, data grown by SQL, then INTERLEAVED rounds over
// every target (closed loop for throughput, open loop at half the best rate for p50/p99), CPU per request for
// the serving process and for PostgreSQL from /proc, a table per group, the ratios of issue 13, and the whole
// result as JSON. Nothing is asserted: the bench prints, the README records.
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync, existsSync, mkdirSync } from "node:fs";
import { createInterface } from "node:readline";
import { cpus } from "node:os";
import { dirname, join } from "node:path";
import { groupJitTicks, groupTicks, jitTicks, postgresTicks, processTicks } from "./cpu.mjs";
import { chainGrowthSql, growthSql } from "./grow.mjs";
import { closeAll, form, request } from "./http.mjs";
import { phase } from "./load.mjs";
import { FaultlineOAuth, newRefreshToken, sha256Hex } from "./oauth.mjs";
import { printReport } from "./report.mjs";

const env = process.env;
const QUICK = env.BENCH_MODE === "quick";
const S = QUICK
  ? { phase: 1, warm: 0.3, warmCap: 0, warmSlots: 2, listWarmCap: 0, schedule: ["closed", "open"], listPhase: 0.5, ingest: 1, ingestWarm: 0.6, codeCap: 150,
    growth: [{ count: 950, extra: 6 }, { count: 1000, extra: 6 }, { count: 1000, extra: 2 }] }
  : { phase: 2, warm: 0.5, warmCap: 18, warmSlots: 2, listWarmCap: 10, schedule: ["closed", "closed", "open"], listPhase: 1.5, ingest: 3, ingestWarm: 8, codeCap: 700,
    growth: [{ count: 950, extra: 57 }, { count: 19000, extra: 57 }, { count: 30000, extra: 3 }] };
const BASE = env.BENCH_BASE;
const DATA = env.BENCH_DATA;
const WORK = env.BENCH_WORK;
const started = Date.now();
const log = (line) => console.log(`-- ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s  ${line}`);

// ---- the database, as the CLI finds it: port and postmaster in postmaster.pid, password beside the data directory
const pidLines = readFileSync(join(DATA, "postgres", "postmaster.pid"), "utf8").split("\n");
const postmaster = Number(pidLines[0]);
const pgPort = Number(pidLines[3]);
const pgPassword = readFileSync(join(DATA, "postgres.password"), "utf8").trim();
const jdbcUrl = `jdbc:postgresql://127.0.0.1:${pgPort}/faultline`;
const [email, password] = readFileSync(join(DATA, "demo-login.txt"), "utf8").trim().split(" / ");
const pgTicks = () => postgresTicks(postmaster);
const serverTicks = () => processTicks(Number(env.BENCH_SERVER_PID));
serverTicks.jit = () => jitTicks(Number(env.BENCH_SERVER_PID));

// ---- the raw JDBC anchor (and the harness's SQL runner): one long-lived JVM, one command per line
class RawJdbc {
  constructor() {
    this.child = spawn("java", ["-cp", env.BENCH_JDBC_JAR, join(env.BENCH_ROOT, "bench/raw-jdbc/RawJdbc.java"),
      jdbcUrl, "postgres", pgPassword, email], { stdio: ["pipe", "pipe", "inherit"] });
    this.lines = createInterface({ input: this.child.stdout });
    this.waiting = [];
    this.lines.on("line", (line) => this.waiting.shift()?.(JSON.parse(line)));
    this.ready = new Promise((resolve) => this.waiting.push(resolve));
  }

  async command(line) {
    await this.ready;
    const answer = new Promise((resolve) => this.waiting.push(resolve));
    this.child.stdin.write(`${line}\n`);
    const result = await answer;
    if (result.error) throw new Error(`raw JDBC: ${result.error}`);
    return result;
  }

  async sql(name, text) {
    const file = join(WORK, `${name}.sql`);
    writeFileSync(file, text);
    return (await this.command(`sql ${file}`)).ms;
  }

  async query(sql) {
    return (await this.command(`query ${sql.replace(/\s+/g, " ")}`)).rows;
  }

  ticks() {
    return processTicks(this.child.pid);
  }
}

const raw = new RawJdbc();

// ---- targets: one per measured thing
const mcpHeaders = (token) => ({ authorization: `Bearer ${token}`, "content-type": "application/json",
  accept: "application/json, text/event-stream", "mcp-protocol-version": "2025-11-25" });
const rpc = (method, params) => JSON.stringify({ jsonrpc: "2.0", id: 1, method, ...(params ? { params } : {}) });
const rpcOk = (r) => r.status === 200 && r.body.includes('"result"') && !r.body.includes('"isError":true');

/** {@code body}: one request body, or several sent in turn. */
function mcpTarget(name, group, url, token, body, appTicks) {
  const bodies = [body].flat();
  let sent = 0;
  return { name, group, slots: 8, appTicks, jitTicks: appTicks.jit, pgTicks,
    send: () => request(url, { method: "POST", headers: mcpHeaders(token()), body: bodies[sent++ % bodies.length] })
      .then((r) => ({ ok: rpcOk(r), status: r.status, body: r.body })) };
}

function getTarget(name, group, url, appTicks) {
  return { name, group, slots: 8, appTicks, jitTicks: appTicks.jit, pgTicks,
    send: () => request(url).then((r) => ({ ok: r.status === 200, status: r.status })) };
}

/** Refresh grants on 4 chains, one per slot; each 200 hands the slot its chain's next refresh token. */
function refreshTarget(name, group, tokenUrl, chains, appTicks, extra = {}) {
  return { name, group, slots: chains.length, appTicks, jitTicks: appTicks.jit, pgTicks, chains,
    send: async (slot) => {
      const chain = chains[slot];
      const r = await request(tokenUrl, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" },
        body: form({ grant_type: "refresh_token", refresh_token: chain.refresh, client_id: chain.clientId, ...extra }) });
      if (r.status === 200) chain.refresh = JSON.parse(r.body).refresh_token;
      else if (!chain.failed) { chain.failed = true; log(`${name}: ${r.status} ${r.body.slice(0, 200)}`); }
      return { ok: r.status === 200, status: r.status };
    } };
}

/** Code exchanges from a queue minted before the phase (prepare), 4 at a time. */
function codeTarget(name, group, tokenUrl, mint, bodyOf, appTicks) {
  const target = { name, group, slots: 4, appTicks, jitTicks: appTicks.jit, pgTicks, codes: [], reported: false,
    prepare: async (n) => { target.codes = await mint(n); },
    more: () => target.codes.length > 0,
    send: async () => {
      const code = target.codes.pop();
      const r = await request(tokenUrl, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" },
        body: bodyOf(code) });
      if (r.status !== 200 && !target.reported) { target.reported = true; log(`${name}: ${r.status} ${r.body.slice(0, 200)}`); }
      return { ok: r.status === 200, status: r.status };
    } };
  return target;
}

function rawTarget(name, group, workload) {
  return { name, group, slots: 4, appTicks: () => raw.ticks(), jitTicks: () => jitTicks(raw.child.pid), pgTicks,
    prepare: workload.startsWith("code") ? (n) => raw.command(`mint ${n}`) : undefined,
    external: async (mode, seconds, rate) => {
      const r = await raw.command(`run ${workload} ${mode} ${seconds} ${mode === "open" ? rate : 0}`);
      return { ok: r.ops, errors: r.errors, statuses: {}, seconds: r.seconds, p50_ms: r.p50_ms, p99_ms: r.p99_ms };
    } };
}

function unavailable(name, group, why) {
  return { name, group, unavailable: why };
}

// ---- phases, results
const results = new Map();
function record(target, result) {
  if (!results.has(target.name)) results.set(target.name, { name: target.name, group: target.group, closed: [], open: [] });
  results.get(target.name)[result.mode].push(result);
}
const best = (name) => Math.max(0, ...(results.get(name)?.closed ?? []).map((p) => p.per_s));

async function measure(target, mode, seconds) {
  if (target.unavailable) return;
  const rate = mode === "open" ? Math.max(1, best(target.name) / 2) : 0;
  if (target.prepare) {
    // Codes for this phase, minted before it (not measured): enough for the rate seen so far, with room to spare
    // where minting is cheap; a closed-loop phase that uses them all up ends early (its rate stays valid). An open
    // phase lasts only as long as the codes it may mint (codeCap), so its p50 and p99 cover the whole phase rather
    // than its first part and then a queue of arrivals never sent.
    const cap = target.codeCap ?? 20000;
    const openNeed = (s) => Math.ceil(rate * s * 1.05) + 5;
    if (mode === "open") seconds = Math.min(seconds, (cap - 6) / (rate * 1.05)); // openNeed(seconds) <= cap
    const known = Math.max(best(target.name), target.warmRate ?? 0);
    const spare = target.mintSpare ?? 2;
    const estimate = mode === "open" ? openNeed(seconds)
      : known ? Math.ceil(known * seconds * spare) : target.warming ? 40 : 400;
    await target.prepare(Math.min(estimate, cap));
  }
  const result = await phase(target.warming ? { ...target, slots: Math.min(target.slots, S.warmSlots) } : target, mode, seconds, rate);
  if (result.statuses?.not_sent && !target.warming) {
    log(`${target.name}, ${mode} loop: ${result.statuses.not_sent} arrivals not sent (codes used up)`);
  }
  if (target.warming) target.warmRate = result.per_s;
  else record(target, result);
  return result;
}

async function mcpCall(token, name, args) {
  const r = await request(`${BASE}/mcp`, { method: "POST", headers: mcpHeaders(token),
    body: rpc("tools/call", { name, arguments: args }) });
  if (!rpcOk(r)) throw new Error(`${name}: ${r.status} ${r.body.slice(0, 300)}`);
  return JSON.parse(r.body).result;
}

async function growTo(stage) {
  const g = S.growth[stage];
  const [[from]] = await raw.query("SELECT coalesce(max(substr(fingerprint, 7)::int), 0) FROM issues WHERE fingerprint LIKE 'bench-%'");
  const ms = await raw.sql(`grow-${stage}`, growthSql({ from: Number(from), count: g.count, maxExtraEvents: g.extra, seed: 0.1 + stage / 10 }));
  // What autovacuum leaves a table in after bulk inserts: visibility map set, so index-only walks stay index-only.
  await raw.sql(`vacuum-${stage}`, "VACUUM (ANALYZE) issues, issue_tallies, issue_activity");
  // And what the checkpointer leaves behind it: the growth's dirty buffers written out now, rather than by reads
  // that need their room (shared_buffers is 128 MB, the data several times that) or by a checkpoint in the rounds.
  await raw.sql(`checkpoint-${stage}`, "CHECKPOINT");
  const [[issues, events]] = await raw.query("SELECT (SELECT count(*) FROM issues), (SELECT count(*) FROM events)");
  log(`grew by SQL to ${issues} issues, ${events} events in ${(ms / 1000).toFixed(1)} s`);
  return { issues: Number(issues), events: Number(events), seconds: ms / 1000 };
}

const LIST_VARIANTS = {
  "list_issues filters": { status: "unresolved", environment: "production", level: "error" },
  "list_issues text query": { query: "timed out" },
  "list_issues by events": { status: "unresolved", sort: "events" },
};

async function listAtSize(label, token) {
  const rows = {};
  for (const [name, args] of Object.entries(LIST_VARIANTS)) {
    const target = mcpTarget(`${name} @${label}`, "list", `${BASE}/mcp`, () => token,
      rpc("tools/call", { name: "list_issues", arguments: { ...args, limit: 25 } }), serverTicks);
    target.warming = true;
    await measure(target, "closed", S.warm);
    target.warming = false;
    await measure(target, "closed", S.listPhase);
    await measure(target, "open", S.listPhase);
    rows[name] = results.get(target.name);
  }
  return rows;
}

// ---- the run
const oauth = await new FaultlineOAuth(BASE, email, password).discover();
log(`Faultline ${BASE}, PostgreSQL port ${pgPort}; real OAuth grants for ${email} (DCR, sign-in, consent, PKCE code exchange)`);
const fresh = await oauth.grant("bench: fresh grant");
const aged = await oauth.grant("bench: grant at generation 10000");
const refreshChains = [];
for (let i = 0; i < 4; i++) refreshChains.push(await oauth.grant(`bench: refresh chain ${i + 1}`));
const codeClient = await oauth.register("bench: code exchanges");
await raw.ready;
const [[ingestId, ingestKey]] = await raw.query(`SELECT a.ingest_id, k.public_key FROM applications a
  JOIN ingest_keys k ON k.application_id = a.id WHERE a.slug = 'checkout-api' AND k.enabled ORDER BY k.created_at LIMIT 1`);
const ingestUrl = `${BASE}/api/${ingestId}/envelope/?sentry_key=${ingestKey}&sentry_version=7`;

// Generation 10 000: the chain grown by SQL to 9,999 as 9,998 rotations leave it, then one real refresh.
const known = newRefreshToken();
const chainMs = await raw.sql("chain", chainGrowthSql({ presentedHash: sha256Hex(aged.refresh), knownHash: sha256Hex(known) }));
const agedTokens = await oauth.token(oauth.refreshBody(aged.clientId, known));
aged.access = agedTokens.access_token;
const [[generation, history]] = await raw.query(`SELECT c.generation, (SELECT count(*) FROM refresh_tokens r WHERE r.chain_id = c.id)
  FROM token_chains c JOIN refresh_tokens t ON t.chain_id = c.id WHERE t.token_hash = '${sha256Hex(agedTokens.refresh_token)}'`);
log(`grant at generation ${generation} (${history} refresh hashes; grown by SQL in ${(chainMs / 1000).toFixed(1)} s, then refreshed over HTTP)`);

const data = {};
data.small = await growTo(0);
// The anchors start while grants and growth run; let them finish starting (JIT, npm ci) before measuring anything.
if (env.BENCH_SDK_PGID) await waitFor(env.BENCH_SDK_TOKEN_FILE, 120);
if (env.BENCH_OIDC_PGID) await waitFor(join(env.BENCH_OIDC_STATE, "ready"), 120);
// Faultline's list path is warmed before each size's figures, so they are not those of a cold or recompiling JIT:
// passes over the list_issues variants until the JIT's share of Faultline's CPU is below JIT_SETTLED, or for
// S.listWarmCap seconds at most. At 50k the lists come after the ingestion phases, which compile other code and
// leave the list path's code deoptimized: measured without this pass, a list at 50k spent 100-150 µs of JIT CPU per
// call against 0-2 once settled, and ran the rest of its code less compiled.
const JIT_SETTLED = 0.1;
async function warmLists(label) {
  const started = Date.now();
  for (let pass = 1; ; pass++) {
    const before = { all: serverTicks(), jit: serverTicks.jit() };
    for (const args of Object.values(LIST_VARIANTS)) {
      const warm = mcpTarget("warm-up", "list", `${BASE}/mcp`, () => fresh.access,
        rpc("tools/call", { name: "list_issues", arguments: { ...args, limit: 25 } }), serverTicks);
      warm.warming = true;
      await measure(warm, "closed", S.warm * 2);
    }
    const share = (serverTicks.jit() - before.jit) / Math.max(1, serverTicks() - before.all);
    const seconds = (Date.now() - started) / 1000;
    if (share < JIT_SETTLED || seconds >= S.listWarmCap) {
      log(`list_issues warm-up at ${label}: ${pass} pass(es) in ${Math.round(seconds)} s, JIT share of Faultline's CPU in the last ${Math.round(share * 100)}%`);
      return;
    }
  }
}
const smallLabel = `${Math.round(data.small.issues / 100) / 10}k`;
await warmLists(smallLabel);
const listSmall = await listAtSize(smallLabel, fresh.access);
data.main = await growTo(1);

// A typical grown issue (about 20 events, the mean), the hottest one, and 4000 grown issues that get_issue asks for
// in turn: more renderings than the default mcp.renderedIssueCache (32 MiB) holds at ~20-30 KB each, and asked for
// in a cycle, so the least recently used one is always the next asked for and each call reads and renders.
const [[typicalIssue]] = await raw.query(`SELECT id FROM issues WHERE fingerprint LIKE 'bench-%'
  ORDER BY abs(event_count - 20), fingerprint LIMIT 1`);
const [[hotIssue, hotEvents]] = await raw.query("SELECT id, event_count FROM issues ORDER BY event_count DESC, id LIMIT 1");
const [rotationIds] = await raw.query(`SELECT string_agg(id::text, ',' ORDER BY id) FROM
  (SELECT id FROM issues WHERE fingerprint LIKE 'bench-%' ORDER BY id LIMIT 4000) s`);
const rotation = String(rotationIds[0]).split(",");
await mcpCall(fresh.access, "get_issue", { issue_id: typicalIssue });

// ---- anchors (bench/run started them while the data grew; they may still be getting ready)
async function waitFor(file, seconds) {
  for (let i = 0; i < seconds * 4; i++) {
    if (existsSync(file)) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}
const anchors = {};
const R1 = "R1 MCP: authenticated calls on a fresh grant unless noted";
const GR = "R2/R3 grants: 4 clients, each its own chain / code";
const DATA_GROUP = "Grown data";
let sdkTargets;
if (!env.BENCH_SDK_PGID) {
  anchors.java_mcp_sdk = env.BENCH_SDK_MISSING ? "anchor not built" : "not started";
  sdkTargets = ["static", "ping", "get_issue"].map((n) => unavailable(`Java MCP SDK ${n}`, R1, anchors.java_mcp_sdk));
} else if (!(await waitFor(env.BENCH_SDK_TOKEN_FILE, 120))) {
  anchors.java_mcp_sdk = "did not get ready in 120 s";
  sdkTargets = ["static", "ping", "get_issue"].map((n) => unavailable(`Java MCP SDK ${n}`, R1, anchors.java_mcp_sdk));
} else {
  anchors.java_mcp_sdk = "ready";
  const token = readFileSync(env.BENCH_SDK_TOKEN_FILE, "utf8").trim();
  const url = `http://127.0.0.1:${env.BENCH_SDK_PORT}`;
  const ticks = () => groupTicks(Number(env.BENCH_SDK_PGID));
  ticks.jit = () => groupJitTicks(Number(env.BENCH_SDK_PGID));
  sdkTargets = [getTarget("Java MCP SDK static", R1, `${url}/static`, ticks),
    mcpTarget("Java MCP SDK ping", R1, `${url}/mcp`, () => token, rpc("ping"), ticks),
    mcpTarget("Java MCP SDK get_issue", R1, `${url}/mcp`, () => token,
      rpc("tools/call", { name: "get_issue", arguments: { issue_id: typicalIssue } }), ticks)];
}
let oidcTargets;
if (!env.BENCH_OIDC_PGID) {
  anchors.oidc_provider = env.BENCH_OIDC_MISSING ? "anchor not built" : "not started";
  oidcTargets = [unavailable("oidc-provider refresh", GR, anchors.oidc_provider), unavailable("oidc-provider code exchange", GR, anchors.oidc_provider)];
} else if (!(await waitFor(join(env.BENCH_OIDC_STATE, "ready"), 120))) {
  anchors.oidc_provider = "did not get ready in 120 s";
  oidcTargets = [unavailable("oidc-provider refresh", GR, anchors.oidc_provider), unavailable("oidc-provider code exchange", GR, anchors.oidc_provider)];
} else {
  anchors.oidc_provider = "ready";
  const url = `http://127.0.0.1:${env.BENCH_OIDC_PORT}`;
  const mintUrl = `http://127.0.0.1:${Number(env.BENCH_OIDC_PORT) + 1}/mint`;
  const mint = async (kind, n) => {
    const r = await request(`${mintUrl}?kind=${kind}&n=${n}`, { method: "POST" });
    if (r.status !== 200) throw new Error(`oidc-provider mint ${kind}: ${r.status} ${r.body.slice(0, 200)}`);
    return JSON.parse(r.body);
  };
  const ticks = () => groupTicks(Number(env.BENCH_OIDC_PGID));
  const chains = (await mint("refresh", 4)).map((c) => ({ clientId: c.client_id, refresh: c.refresh_token }));
  const codes = codeTarget("oidc-provider code exchange", GR, `${url}/token`, async (n) => {
    const all = [];
    for (let left = n; left > 0; left -= 1000) all.push(...(await mint("code", Math.min(left, 1000))));
    return all;
  }, (c) => form({ grant_type: "authorization_code", code: c.code, code_verifier: c.code_verifier,
    redirect_uri: c.redirect_uri, client_id: c.client_id, resource: c.resource }), ticks);
  oidcTargets = [refreshTarget("oidc-provider refresh", GR, `${url}/token`, chains, ticks), codes];
}

const tokenUrl = oauth.metadata.token_endpoint;
const faultlineCodes = codeTarget("Faultline code exchange", GR, tokenUrl,
  (n) => oauth.mintCodes(codeClient, n, 4), (c) => oauth.exchangeBody(codeClient, c), serverTicks);
faultlineCodes.codeCap = S.codeCap;
faultlineCodes.mintSpare = 1.2; // minting through sign-in and consent pages is slow: mint what the phase needs
const targets = [
  getTarget("Faultline static", R1, `${BASE}/assets/faultline.css`, serverTicks),
  mcpTarget("Faultline ping", R1, `${BASE}/mcp`, () => fresh.access, rpc("ping"), serverTicks),
  mcpTarget("Faultline get_issue", R1, `${BASE}/mcp`, () => fresh.access,
    rpc("tools/call", { name: "get_issue", arguments: { issue_id: typicalIssue } }), serverTicks),
  mcpTarget("Faultline get_issue, gen 10000", R1, `${BASE}/mcp`, () => aged.access,
    rpc("tools/call", { name: "get_issue", arguments: { issue_id: typicalIssue } }), serverTicks),
  ...sdkTargets,
  refreshTarget("Faultline refresh", GR, tokenUrl, refreshChains.map((g) => ({ clientId: g.clientId, refresh: g.refresh })), serverTicks),
  rawTarget("raw JDBC refresh: Faultline's statements, 1 tx", GR, "refresh-tx"),
  rawTarget("raw JDBC refresh: 1 CAS statement", GR, "refresh-cas"),
  oidcTargets[0],
  faultlineCodes,
  rawTarget("raw JDBC code: Faultline's statements, 1 tx", GR, "code-tx"),
  rawTarget("raw JDBC code: 1 CAS statement", GR, "code-cas"),
  oidcTargets[1],
  ...Object.entries(LIST_VARIANTS).map(([name, args]) => mcpTarget(name, DATA_GROUP, `${BASE}/mcp`, () => fresh.access,
    rpc("tools/call", { name: "list_issues", arguments: { ...args, limit: 25 } }), serverTicks)),
  mcpTarget(`get_issue, ${rotation.length} issues in turn`, DATA_GROUP, `${BASE}/mcp`, () => fresh.access,
    rotation.map((id) => rpc("tools/call", { name: "get_issue", arguments: { issue_id: id } })), serverTicks),
];

// A JVM keeps compiling for minutes under new load, and what its compiler threads burn is not serving: rounds
// taken then would measure compilation. Every target is warmed in passes until the JIT's share of each JVM's
// CPU over the last pass is below JIT_SETTLED, or for S.warmCap seconds at most; the tables' JIT column shows
// what compiling was left in the measured rounds (it is included in app CPU). Warm-up phases (these, the list
// warm-up and the ingestion warm-up) run at S.warmSlots connections: at a target's full 8 the compiler threads
// shared the two cores with the servers and the load generator and, after 20 s, were still 40-50% of Faultline's
// CPU in the rounds; at 2 they get the CPU, so the code is compiled before the rounds start (the share printed
// per pass is then high because compiling is most of what runs, which is the point).
const jvms = [{ name: "Faultline", ticks: serverTicks }, { name: "raw JDBC", ticks: Object.assign(() => raw.ticks(), { jit: () => jitTicks(raw.child.pid) }) },
  ...(sdkTargets[0].unavailable ? [] : [{ name: "Java MCP SDK", ticks: sdkTargets[0].appTicks }])];
const warmStarted = Date.now();
for (let pass = 1; ; pass++) {
  const before = jvms.map((j) => ({ all: j.ticks(), jit: j.ticks.jit() }));
  for (const target of targets) {
    target.warming = true;
    await measure(target, "closed", S.warm);
    target.warming = false;
  }
  const shares = jvms.map((j, i) => (j.ticks.jit() - before[i].jit) / Math.max(1, j.ticks() - before[i].all));
  const seconds = (Date.now() - warmStarted) / 1000;
  const settled = shares.every((share) => share < JIT_SETTLED);
  log(`warm-up pass ${pass}, ${S.warm} s per target: JIT share of each JVM's CPU ${jvms.map((j, i) => `${j.name} ${Math.round(shares[i] * 100)}%`).join(", ")}`
    + (settled ? " (settled)" : seconds >= S.warmCap ? ` (not settled after ${Math.round(seconds)} s; measuring anyway)` : ""));
  if (settled || seconds >= S.warmCap) break;
}
for (const [i, mode] of S.schedule.entries()) {
  log(`round ${i + 1}/${S.schedule.length}: ${mode} loop, ${S.phase} s per target, ${targets.length} targets interleaved`);
  for (const target of targets) await measure(target, mode, S.phase);
}

// ---- ingestion (bench/ingest-load.mjs, short), then list_issues at 50k issues
const ingest = [];
{
  log(`ingestion: bench/ingest-load.mjs, ${S.ingest} s per phase`);
  // ingest-load.mjs counts every postgres process on the machine; on a shared machine other servers' backends come
  // and go (even negative deltas), so PostgreSQL's CPU per event is taken here from this run's postmaster instead.
  const runIngest = async (...args) => {
    const pgBefore = pgTicks();
    const result = await runIngestLoad(...args);
    const pgMs = ((pgTicks() - pgBefore) * 1000) / 100;
    const accepted = result?.statuses?.[200] ?? 0;
    return result && { ...result, pg_cpu_us_per_event: accepted ? Math.round((pgMs * 1000) / accepted) : null };
  };
  const runIngestLoad = (...args) => new Promise((resolve) => {
    const child = spawn("node", [join(env.BENCH_ROOT, "bench/ingest-load.mjs"), ingestUrl, ...args.map(String),
      env.BENCH_SERVER_PID], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (c) => { out += c; });
    child.on("close", () => { try { resolve(JSON.parse(out.trim().split("\n").pop())); } catch { resolve(null); } });
  });
  await runIngest("closed", S.ingestWarm, 50, S.warmSlots); // warm-up, at the warm-up's light load (see above)
  const spread = await runIngest("closed", S.ingest, 50, 8);
  ingest.push({ name: "50 issues, closed loop", ...spread });
  ingest.push({ name: "1 hot issue, closed loop", ...(await runIngest("closed", S.ingest, 1, 8)) });
  ingest.push({ name: "open loop at 50/s", ...(await runIngest("open", S.ingest, 50, 50)) });
  const tenfold = Math.max(10, Math.round((spread?.accepted_per_s ?? 10) * 10));
  ingest.push({ name: `open loop at 10x (${tenfold}/s)`, ...(await runIngest("open", S.ingest, 50, tenfold)) });
}

data.large = await growTo(2);
const largeLabel = `${Math.round(data.large.issues / 100) / 10}k`;
await warmLists(largeLabel);
const listLarge = await listAtSize(largeLabel, fresh.access);
raw.child.stdin.end("quit\n");

const report = {
  mode: QUICK ? "quick" : "full", commit: env.BENCH_COMMIT, started_at: new Date(started).toISOString(),
  machine: { nproc: cpus().length, cpu: cpus()[0]?.model, load_at_start: env.BENCH_LOAD },
  settings: S, anchors, data: { ...data, generation_10000_chain: { generation: Number(generation), refresh_hashes: Number(history) },
    typical_issue: typicalIssue, hottest_issue: { id: hotIssue, events: Number(hotEvents) } },
  results: Object.fromEntries([...results.values()].map((r) => [r.name, r])),
  unavailable: Object.fromEntries(targets.filter((t) => t.unavailable).map((t) => [t.name, t.unavailable])),
  list_growth: { small: { issues: data.small.issues, rows: listSmall }, main: { issues: data.main.issues }, large: { issues: data.large.issues, rows: listLarge } },
  ingestion: ingest,
};
report.duration_s = Math.round((Date.now() - started) / 1000);
printReport(report, targets);
mkdirSync(dirname(env.BENCH_RESULTS), { recursive: true });
writeFileSync(env.BENCH_RESULTS, `${JSON.stringify(report, null, 1)}\n`);
console.log(`\nFull results: ${env.BENCH_RESULTS}`);
closeAll();
process.exit(0);
