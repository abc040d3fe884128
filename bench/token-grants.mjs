// Token-endpoint load: refresh grants and authorization-code exchanges against one or more running Faultlines,
// in interleaved rounds, with server and PostgreSQL CPU per grant from /proc. Node 20+, no dependencies.
// Grants are obtained over the real flow: dynamic client registration, sign-in, consent, PKCE code exchange.
// Each of <clients> public clients rotates its own refresh chain in a closed loop (keep-alive connections).
// Usage: node token-grants.mjs <rounds> <seconds> <clients> <email> <password> <label=baseUrl=serverPid[=password]>...
// (a target's own password, if given, replaces <password>: two throw-away servers have different demo passwords)
// Prints one JSON line per target, phase and round, then a summary per target and phase (median of rounds).
import { createHash, randomBytes } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { Browser } from "../acceptance/lib/browser.mjs";

const [rounds, seconds, clientCount, email, password, ...targetArgs] = process.argv.slice(2);
const durationMs = Number(seconds) * 1000;
const TICKS = 100; // USER_HZ on Linux
const PHASES = (process.env.PHASES ?? "refresh,exchange").split(",");
const CODES_PER_CLIENT = 50; // made before each exchange round; codes live 60 s
const REDIRECT = "http://127.0.0.1:53682/callback";

const targets = targetArgs.map((arg) => {
  const [label, base, pid, ownPassword] = arg.split("=");
  return { label, base, pid: Number(pid), password: ownPassword ?? password, clients: [] };
});

function stat(pid) {
  const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return { ppid: Number(f[1]), own: Number(f[11]) + Number(f[12]), children: Number(f[13]) + Number(f[14]) };
}

function appTicks(pid) {
  return stat(pid).own;
}

/**
 * CPU of this server's own PostgreSQL: the postmaster whose command line names the server's data directory,
 * its live children, and what exited children used (added to the postmaster's child times when they exit).
 */
function postgresTicks(dataDir) {
  const all = new Map();
  for (const p of readdirSync("/proc").filter((x) => /^\d+$/.test(x))) {
    try {
      if (readFileSync(`/proc/${p}/comm`, "utf8").trim() !== "postgres") continue;
      all.set(Number(p), { ...stat(p), cmd: readFileSync(`/proc/${p}/cmdline`, "utf8") });
    } catch { /* gone */ }
  }
  let total = 0;
  for (const [p, s] of all) {
    if (s.cmd.includes(dataDir)) total += s.own + s.children;
    else if (all.has(s.ppid) && all.get(s.ppid).cmd.includes(dataDir)) total += s.own;
  }
  return total;
}

function dataDirOf(pid) {
  const env = readFileSync(`/proc/${pid}/environ`, "utf8").split("\0");
  const dir = env.find((e) => e.startsWith("FAULTLINE_DATA_DIR="));
  if (!dir) throw new Error(`server ${pid} has no FAULTLINE_DATA_DIR`);
  return `${dir.split("=")[1]}/postgres`;
}

const b64url = (buf) => buf.toString("base64url");

async function register(target, i) {
  const res = await fetch(`${target.base}/mcp/oauth/register`, {
    method: "POST", headers: { "content-type": "application/json" },
    body: JSON.stringify({ client_name: `bench ${i}`, redirect_uris: [REDIRECT], token_endpoint_auth_method: "none",
      grant_types: ["authorization_code", "refresh_token"], response_types: ["code"], application_type: "native" }),
  });
  if (res.status !== 201) throw new Error(`register: ${res.status} ${await res.text()}`);
  return (await res.json()).client_id;
}

/** Signs in (once per browser) and approves; returns a fresh code and its verifier. */
async function authorize(target, client) {
  const verifier = b64url(randomBytes(32));
  const challenge = b64url(createHash("sha256").update(verifier).digest());
  const url = new URL(`${target.base}/mcp/oauth/authorize`);
  url.search = new URLSearchParams({ response_type: "code", client_id: client.id, redirect_uri: REDIRECT,
    scope: "mcp:read", state: "s", resource: `${target.base}/mcp`, code_challenge: challenge,
    code_challenge_method: "S256" }).toString();
  const back = await client.browser.follow(url.href, target.base, (forms) => {
    const signIn = forms.find((f) => /type=["']?password/i.test(f.html));
    if (signIn) {
      const emailField = Object.keys(signIn.fields).find((n) => /mail|user|login/i.test(n)) ?? "email";
      return { action: signIn.action, fields: { ...signIn.fields, [emailField]: email, password: target.password } };
    }
    const consent = forms.find((f) => f.buttons.some((b) => /approve|allow/i.test(`${b.value} ${b.text}`)));
    if (!consent) throw new Error("no consent form");
    const approve = consent.buttons.find((b) => /approve|allow/i.test(`${b.value} ${b.text}`));
    const fields = Object.fromEntries(Object.entries(consent.fields).filter(([n]) => !n.startsWith("grant:")));
    return { action: consent.action, fields: { ...fields, "grant:mcp:read": "yes", [approve.name]: approve.value } };
  });
  const code = new URL(back).searchParams.get("code");
  if (!code) throw new Error(`no code in ${back}`);
  return { code, verifier };
}

async function token(target, form) {
  const res = await fetch(`${target.base}/mcp/oauth/token`, {
    method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form).toString(),
  });
  const body = await res.json();
  return { status: res.status, body };
}

function exchangeForm(target, client, grant) {
  return { grant_type: "authorization_code", code: grant.code, redirect_uri: REDIRECT, code_verifier: grant.verifier,
    client_id: client.id, resource: `${target.base}/mcp` };
}

async function setUp(target) {
  target.dataDir = dataDirOf(target.pid);
  for (let i = 0; i < Number(clientCount); i++) {
    const client = { id: await register(target, i), browser: new Browser(() => {}) };
    const issued = await token(target, exchangeForm(target, client, await authorize(target, client)));
    if (issued.status !== 200) throw new Error(`exchange: ${issued.status} ${JSON.stringify(issued.body)}`);
    client.refresh = issued.body.refresh_token;
    target.clients.push(client);
  }
}

async function measure(target, phase, work) {
  const statuses = {};
  const app0 = appTicks(target.pid);
  const pg0 = postgresTicks(target.dataDir);
  const start = performance.now();
  await Promise.all(target.clients.map((client) => work(client, statuses, start)));
  const elapsed = (performance.now() - start) / 1000;
  const ok = statuses[200] || 0;
  const appMs = ((appTicks(target.pid) - app0) * 1000) / TICKS;
  const pgMs = ((postgresTicks(target.dataDir) - pg0) * 1000) / TICKS;
  return { target: target.label, phase, seconds: Number(elapsed.toFixed(1)), ok_per_s: Number((ok / elapsed).toFixed(1)),
    statuses, app_cpu_us: ok ? Math.round((appMs * 1000) / ok) : null,
    pg_cpu_us: ok ? Math.round((pgMs * 1000) / ok) : null };
}

function refreshRound(target) {
  return measure(target, "refresh", async (client, statuses, start) => {
    while (performance.now() - start < durationMs) {
      const r = await token(target, { grant_type: "refresh_token", refresh_token: client.refresh, client_id: client.id });
      statuses[r.status] = (statuses[r.status] || 0) + 1;
      if (r.status !== 200) throw new Error(`refresh: ${r.status} ${JSON.stringify(r.body)}`);
      client.refresh = r.body.refresh_token;
    }
  });
}

/** Codes are made first (outside the measured window; they live 60 s), then exchanged in a closed loop. */
async function exchangeRound(target, perClient) {
  for (const client of target.clients) {
    client.codes = [];
    for (let i = 0; i < perClient; i++) client.codes.push(await authorize(target, client));
  }
  return measure(target, "exchange", async (client, statuses) => {
    for (const grant of client.codes) {
      const r = await token(target, exchangeForm(target, client, grant));
      statuses[r.status] = (statuses[r.status] || 0) + 1;
    }
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

for (const target of targets) await setUp(target);
const results = [];
// warm-up round per target, not recorded
const WARMUP = Number(process.env.WARMUP ?? 2); // refresh rounds per target first: the JIT must settle
for (let i = 0; i < WARMUP; i++) for (const target of targets) await refreshRound(target);
for (const target of targets) await exchangeRound(target, CODES_PER_CLIENT);
for (let round = 0; round < Number(rounds); round++) {
  const order = round % 2 === 0 ? targets : [...targets].reverse();
  for (const target of PHASES.includes("refresh") ? order : []) {
    const r = { round, ...(await refreshRound(target)) };
    console.log(JSON.stringify(r)); results.push(r);
  }
  for (const target of PHASES.includes("exchange") ? order : []) {
    const r = { round, ...(await exchangeRound(target, CODES_PER_CLIENT)) };
    console.log(JSON.stringify(r)); results.push(r);
  }
}
for (const phase of PHASES) {
  for (const target of targets) {
    const rs = results.filter((r) => r.phase === phase && r.target === target.label);
    console.log(JSON.stringify({ summary: phase, target: target.label, ok_per_s: median(rs.map((r) => r.ok_per_s)),
      app_cpu_us: median(rs.map((r) => r.app_cpu_us)), pg_cpu_us: median(rs.map((r) => r.pg_cpu_us)) }));
  }
}
