// Transactions PostgreSQL commits per refresh grant and per authenticated MCP call on a running Faultline
// (pg_stat_database, so it counts every statement run outside an explicit transaction as one).
// Usage: node bench/xact-count.mjs <baseUrl> <dataDir> [n]   (dataDir: the server's FAULTLINE_DATA_DIR)
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { request, form, closeAll } from "./lib/http.mjs";
import { FaultlineOAuth } from "./lib/oauth.mjs";

const [base, dataDir, count = "200"] = process.argv.slice(2);
const n = Number(count);
const port = readFileSync(join(dataDir, "postgres", "postmaster.pid"), "utf8").split("\n")[3];
const env = { ...process.env, PGPASSWORD: readFileSync(join(dataDir, "postgres.password"), "utf8").trim() };
const psql = (sql) => execFileSync("psql", ["-h", "127.0.0.1", "-p", port, "-U", "postgres", "-d", "faultline", "-Atc", sql], { env }).toString().trim();
const commits = () => {
  psql("SELECT pg_stat_clear_snapshot()");
  return Number(psql("SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = 'faultline'"));
};
const settle = () => new Promise((r) => setTimeout(r, 1200)); // statistics are flushed at most once a second

const [email, password] = readFileSync(join(dataDir, "demo-login.txt"), "utf8").trim().split(" / ");
const oauth = await new FaultlineOAuth(base, email, password).discover();
const grant = await oauth.grant("xact count");
const measure = async (name, call) => {
  await settle();
  const before = commits();
  for (let i = 0; i < n; i++) await call();
  await settle();
  const after = commits();
  console.log(`${name}: ${((after - before - 2) / n).toFixed(2)} transactions per call (${n} calls)`);
};
let refresh = grant.refresh;
await measure("refresh grant", async () => {
  const r = await request(oauth.metadata.token_endpoint, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" },
    body: form({ grant_type: "refresh_token", refresh_token: refresh, client_id: grant.clientId }) });
  if (r.status !== 200) throw new Error(`refresh ${r.status} ${r.body}`);
  refresh = JSON.parse(r.body).refresh_token;
  grant.access = JSON.parse(r.body).access_token;
});
const mcp = (body) => request(`${base}/mcp`, { method: "POST", body: JSON.stringify(body), headers: {
  authorization: `Bearer ${grant.access}`, "content-type": "application/json", accept: "application/json, text/event-stream",
  "mcp-protocol-version": "2025-11-25" } });
await measure("ping", () => mcp({ jsonrpc: "2.0", id: 1, method: "ping" }));
const list = JSON.parse((await mcp({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "list_issues", arguments: { limit: 1 } } })).body);
const issueId = list.result.structuredContent.issues[0].id;
await measure("get_issue", () => mcp({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "get_issue", arguments: { issue_id: issueId } } }));
await measure("list_issues", () => mcp({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "list_issues", arguments: { limit: 25 } } }));
closeAll();
