// Closed-loop authenticated MCP `ping` against one or more running Faultline servers, in interleaved rounds, with
// server and PostgreSQL CPU microseconds per ping from /proc (the postmaster and its children, by pid).
// Node 20+, no dependencies. Usage: node bench/mcp-ping-load.mjs <rounds> <seconds> <concurrency> <targets.json>
//   targets.json: [{"name", "url": "http://localhost:PORT/mcp", "token": "<bearer>", "pid": <java pid>, "pgPid": <postmaster pid>}]
//   A target with "get": true is a plain GET of its url instead (a static endpoint: the floor of a request).
import { readFileSync, readdirSync } from "node:fs";
import http from "node:http";
const [rounds, seconds, concurrency, targetsFile] = process.argv.slice(2);
const targets = JSON.parse(readFileSync(targetsFile, "utf8"));
const TICK_US = 10000;
function stat(pid) {
  const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return { ppid: f[1], own: Number(f[11]) + Number(f[12]), children: Number(f[13]) + Number(f[14]) };
}
function pgTicks(postmaster) {
  let total = 0;
  const pm = stat(postmaster);
  total += pm.own + pm.children;
  for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try { const s = stat(pid); if (s.ppid === String(postmaster)) total += s.own; } catch {}
  }
  return total;
}
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
function ping(t, id) {
  if (t.get) return get(t);
  return new Promise((resolve) => {
    const body = JSON.stringify({ jsonrpc: "2.0", id, method: "ping" });
    const u = new URL(t.url);
    const req = http.request({ agent, host: u.hostname, port: u.port, path: u.pathname, method: "POST", headers: {
      "content-type": "application/json", accept: "application/json, text/event-stream",
      "mcp-protocol-version": "2025-06-18", authorization: `Bearer ${t.token}`, "content-length": Buffer.byteLength(body) } },
      (res) => { res.resume(); res.on("end", () => resolve(res.statusCode)); });
    req.on("error", () => resolve(0));
    req.end(body);
  });
}
function get(t) {
  return new Promise((resolve) => {
    const req = http.get(t.url, { agent }, (res) => { res.resume(); res.on("end", () => resolve(res.statusCode)); });
    req.on("error", () => resolve(0));
  });
}
async function round(t, ms) {
  const statuses = {};
  let n = 0;
  const c0 = stat(t.pid).own, p0 = pgTicks(t.pgPid), t0 = Date.now();
  const end = t0 + ms;
  await Promise.all(Array.from({ length: Number(concurrency) }, async () => {
    while (Date.now() < end) { const s = await ping(t, ++n); statuses[s] = (statuses[s] ?? 0) + 1; }
  }));
  const el = (Date.now() - t0) / 1000;
  const ok = statuses[200] ?? 0;
  return { ok, el, app: (stat(t.pid).own - c0) * TICK_US, pg: (pgTicks(t.pgPid) - p0) * TICK_US, statuses };
}
for (const t of targets) { const s = await ping(t, 1); if (s !== 200) { console.error(`${t.name}: ping -> ${s}`); process.exit(1); } }
for (const t of targets) await round(t, 3000); // warm-up
const sum = Object.fromEntries(targets.map((t) => [t.name, { ok: 0, el: 0, app: 0, pg: 0 }]));
for (let r = 0; r < Number(rounds); r++) {
  for (const t of targets) {
    const x = await round(t, Number(seconds) * 1000);
    const s = sum[t.name]; s.ok += x.ok; s.el += x.el; s.app += x.app; s.pg += x.pg;
    console.log(JSON.stringify({ round: r, target: t.name, per_s: Math.round(x.ok / x.el), app_us: Math.round(x.app / x.ok), pg_us: Math.round(x.pg / x.ok), statuses: x.statuses }));
  }
}
for (const [name, s] of Object.entries(sum)) {
  console.log(JSON.stringify({ total: name, per_s: Math.round(s.ok / s.el), app_us_per_ping: Math.round(s.app / s.ok), pg_us_per_ping: Math.round(s.pg / s.ok) }));
}
agent.destroy();
