// Closed loop of authenticated MCP tools/call get_issue against ping on one running Faultline, in alternating rounds
// (the order flips each round), with server and PostgreSQL CPU microseconds per call from /proc. Node 20+.
// Usage: node bench/get-issue-vs-ping.mjs <mcp url> <personal token> <issue id> <rounds> <seconds> <concurrency>
//        <java pid> <postmaster pid>. Last line: the averages and ratio = get_issue/s ÷ ping/s (issue 13 asks ≥ 0.5).
import { readFileSync, readdirSync } from "node:fs";
import http from "node:http";
const [url, token, issueId, rounds, seconds, conc, jpid, pgpid] = process.argv.slice(2);
function stat(pid) { const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return { ppid: f[1], own: Number(f[11]) + Number(f[12]) }; }
function pgTicks() { let t = stat(pgpid).own; for (const p of readdirSync("/proc").filter(p => /^\d+$/.test(p))) {
  try { const s = stat(p); if (s.ppid === String(pgpid)) t += s.own; } catch {} } return t; }
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const u = new URL(url);
let id = 0;
function call(kind) { return new Promise((resolve, reject) => {
  const body = JSON.stringify(kind === "ping" ? { jsonrpc: "2.0", id: ++id, method: "ping" }
    : { jsonrpc: "2.0", id: ++id, method: "tools/call", params: { name: "get_issue", arguments: { issue_id: issueId } } });
  const req = http.request({ agent, host: u.hostname, port: u.port, path: u.pathname, method: "POST", headers: {
    "content-type": "application/json", accept: "application/json, text/event-stream", "mcp-protocol-version": "2025-06-18",
    authorization: `Bearer ${token}`, "content-length": Buffer.byteLength(body) } }, (res) => {
      let d = ""; res.on("data", c => d += c); res.on("end", () => { const b = res.statusCode === 200 ? JSON.parse(d) : null; if (!b || b.error || b.result?.isError) reject(new Error(d.slice(0, 300))); else resolve(d.length); }); });
  req.on("error", reject); req.end(body); }); }
async function phase(kind, secs) {
  const end = Date.now() + secs * 1000; let n = 0;
  const j0 = stat(jpid).own, p0 = pgTicks(), t0 = Date.now();
  await Promise.all(Array.from({ length: Number(conc) }, async () => { while (Date.now() < end) { await call(kind); n++; } }));
  const dt = (Date.now() - t0) / 1000;
  return { kind, per_s: n / dt, app_us: (stat(jpid).own - j0) * 1e4 / n, pg_us: (pgTicks() - p0) * 1e4 / n };
}
await phase("ping", 3); await phase("get_issue", 3);
const acc = { ping: [], get_issue: [] };
for (let r = 0; r < Number(rounds); r++) for (const k of r % 2 ? ["get_issue", "ping"] : ["ping", "get_issue"]) {
  const x = await phase(k, Number(seconds)); acc[k].push(x); console.log(JSON.stringify({ round: r, ...x, per_s: +x.per_s.toFixed(1), app_us: Math.round(x.app_us), pg_us: Math.round(x.pg_us) })); }
const avg = (a, f) => a.reduce((s, x) => s + x[f], 0) / a.length;
const out = {}; for (const k of Object.keys(acc)) out[k] = { per_s: +avg(acc[k], "per_s").toFixed(1), app_us: Math.round(avg(acc[k], "app_us")), pg_us: Math.round(avg(acc[k], "pg_us")) };
out.ratio = +(out.get_issue.per_s / out.ping.per_s).toFixed(3);
console.log(JSON.stringify(out));
