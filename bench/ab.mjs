// A/B of MCP calls on two or more running Faultlines (e.g. the jar before and after a change), interleaved rounds,
// closed loop, CPU µs per call of each server and of its own PostgreSQL from /proc. Grants come from the real
// OAuth flow of each server's demo user. Node 20+, no dependencies.
// Usage: node bench/ab.mjs <rounds> <seconds> <label=baseUrl=serverPid=dataDir>...
//   (dataDir: the server's FAULTLINE_DATA_DIR; its demo-login.txt and postmaster.pid are read)
//   CALLS=get_issue,ping (default all three) runs only those calls, e.g. while a profiler records one of them;
//   LIST_ARGS='{"status":"unresolved","limit":25}' sets list_issues' arguments (default {"limit":25}).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { postgresTicks, processTicks, jitTicks } from "./lib/cpu.mjs";
import { request } from "./lib/http.mjs";
import { phase } from "./lib/load.mjs";
import { FaultlineOAuth } from "./lib/oauth.mjs";

const [rounds, seconds, ...args] = process.argv.slice(2);
const rpc = (method, params) => JSON.stringify({ jsonrpc: "2.0", id: 1, method, ...(params ? { params } : {}) });
const servers = [];
for (const arg of args) {
  const [label, base, pid, dataDir] = arg.split("=");
  const [email, password] = readFileSync(join(dataDir, "demo-login.txt"), "utf8").trim().split(" / ");
  const postmaster = Number(readFileSync(join(dataDir, "postgres", "postmaster.pid"), "utf8").split("\n")[0]);
  const oauth = await new FaultlineOAuth(base, email, password).discover();
  const grant = await oauth.grant(`ab ${label}`);
  const headers = { authorization: `Bearer ${grant.access}`, "content-type": "application/json",
    accept: "application/json, text/event-stream", "mcp-protocol-version": "2025-11-25" };
  const list = JSON.parse((await request(`${base}/mcp`, { method: "POST", headers,
    body: rpc("tools/call", { name: "list_issues", arguments: { limit: 1, sort: "events" } }) })).body);
  const issueId = list.result.structuredContent.issues[0].id;
  servers.push({ label, base, pid: Number(pid), postmaster, headers, issueId });
}
const calls = {
  ping: () => rpc("ping"),
  get_issue: (s) => rpc("tools/call", { name: "get_issue", arguments: { issue_id: s.issueId } }),
  list_issues: () => rpc("tools/call", { name: "list_issues", arguments: JSON.parse(process.env.LIST_ARGS ?? '{"limit":25}') }),
};
const only = process.env.CALLS ? process.env.CALLS.split(",") : Object.keys(calls);
const targets = servers.flatMap((s) => Object.entries(calls).filter(([call]) => only.includes(call)).map(([call, body]) => ({
  name: `${s.label} ${call}`, call, server: s.label, slots: 8,
  appTicks: () => processTicks(s.pid), jitTicks: () => jitTicks(s.pid), pgTicks: () => postgresTicks(s.postmaster),
  send: () => request(`${s.base}/mcp`, { method: "POST", headers: s.headers, body: body(s) })
    .then((r) => ({ ok: r.status === 200 && r.body.includes('"result"') && !r.body.includes('"isError":true'), status: r.status })),
})));
const results = new Map(targets.map((t) => [t.name, []]));
for (const t of targets) await phase(t, "closed", 1, 0); // warm
for (let round = 0; round < Number(rounds); round++) {
  const order = round % 2 ? [...targets].reverse() : targets;
  for (const t of order) results.get(t.name).push(await phase(t, "closed", Number(seconds), 0));
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
console.log("target                     req/s  app µs  of it JIT  PG µs   (medians of rounds)");
for (const t of targets) {
  const r = results.get(t.name);
  console.log(`${t.name.padEnd(25)} ${median(r.map((p) => p.per_s)).toFixed(0).padStart(6)} ${String(median(r.map((p) => p.app_cpu_us))).padStart(7)}`
    + ` ${String(median(r.map((p) => Math.round((p.jit_cpu_ms * 1000) / Math.max(1, p.ok))))).padStart(10)} ${String(median(r.map((p) => p.pg_cpu_us))).padStart(6)}`);
}
process.exit(0);
