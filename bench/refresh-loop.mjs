// A closed loop of refresh grants on one running Faultline, as bench/run sends them (node:http, keep-alive, 4
// chains), for a profiler to record; prints grants/s and CPU µs per grant of the server and its PostgreSQL.
// Usage: node bench/refresh-loop.mjs <baseUrl> <serverPid> <dataDir> <seconds>
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { postgresTicks, processTicks } from "./lib/cpu.mjs";
import { request, form } from "./lib/http.mjs";
import { FaultlineOAuth } from "./lib/oauth.mjs";

const [base, pid, dataDir, seconds] = process.argv.slice(2);
const [email, password] = readFileSync(join(dataDir, "demo-login.txt"), "utf8").trim().split(" / ");
const postmaster = Number(readFileSync(join(dataDir, "postgres", "postmaster.pid"), "utf8").split("\n")[0]);
const oauth = await new FaultlineOAuth(base, email, password).discover();
const chains = [];
for (let i = 0; i < 4; i++) chains.push(await oauth.grant(`refresh loop ${i + 1}`));
const app0 = processTicks(Number(pid)), pg0 = postgresTicks(postmaster);
const end = performance.now() + Number(seconds) * 1000;
let ok = 0, failed = 0;
await Promise.all(chains.map(async (chain) => {
  while (performance.now() < end) {
    const r = await request(oauth.metadata.token_endpoint, { method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: form({ grant_type: "refresh_token", refresh_token: chain.refresh, client_id: chain.clientId }) });
    if (r.status === 200) { chain.refresh = JSON.parse(r.body).refresh_token; ok++; } else { failed++; }
  }
}));
const perGrant = (ticks) => Math.round((ticks * 10_000) / ok);
console.log(JSON.stringify({ grants_per_s: +(ok / Number(seconds)).toFixed(1), failed,
  app_cpu_us: perGrant(processTicks(Number(pid)) - app0), pg_cpu_us: perGrant(postgresTicks(postmaster) - pg0) }));
