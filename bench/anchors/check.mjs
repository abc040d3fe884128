// End-to-end checks of the two bench anchors (run by bench/anchors/check, which starts them), and with --measure
// a rough closed-loop figure per endpoint: req/s and CPU µs per request of the anchor and of PostgreSQL (/proc).
// Usage: node check.mjs JAVA_PORT TOKEN_FILE OIDC_PORT PG_URL JAVA_PID OIDC_PID POSTMASTER_PID [--measure SECONDS]
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';

const pg = createRequire(new URL('./oidc-provider/package.json', import.meta.url))('pg');

const [javaPort, tokenFile, oidcPort, pgUrl, javaPid, oidcPid, postmasterPid] = process.argv.slice(2);
const measureAt = process.argv.indexOf('--measure');
const measureSeconds = measureAt > 0 ? Number(process.argv[measureAt + 1]) : 0;
const mcpUrl = `http://127.0.0.1:${javaPort}/mcp`;
const tokenUrl = `http://127.0.0.1:${oidcPort}/token`;
const mintUrl = `http://127.0.0.1:${Number(oidcPort) + 1}/mint`;

let passed = 0;
let failed = 0;
function check(name, ok, detail = '') {
  if (ok) passed += 1; else failed += 1;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${ok || !detail ? '' : ` — ${detail}`}`);
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
function request(url, { method = 'GET', headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const token = fs.readFileSync(tokenFile, 'utf8').trim();
const mcpHeaders = (auth) => ({
  'content-type': 'application/json',
  accept: 'application/json, text/event-stream',
  'mcp-protocol-version': '2025-06-18',
  ...(auth ? { authorization: `Bearer ${auth}` } : {}),
});
const rpc = (method, params, auth = token) => request(mcpUrl, {
  method: 'POST', headers: mcpHeaders(auth), body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
});
const json = (text) => { try { return JSON.parse(text); } catch { return undefined; } };
const form = (fields) => ({
  method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString(),
});
const refresh = (clientId, refreshToken) => request(tokenUrl, form({ grant_type: 'refresh_token', client_id: clientId, refresh_token: refreshToken }));
const exchange = (c) => request(tokenUrl, form({
  grant_type: 'authorization_code', client_id: c.client_id, code: c.code, code_verifier: c.code_verifier,
  redirect_uri: c.redirect_uri, resource: c.resource,
}));
const mint = async (kind, n) => JSON.parse((await request(`${mintUrl}?kind=${kind}&n=${n}`, { method: 'POST' })).body);
const jwtParts = (jwt) => jwt.split('.').slice(0, 2).map((p) => JSON.parse(Buffer.from(p, 'base64url').toString()));

const db = new pg.Client({ connectionString: pgUrl });
await db.connect();
const issueId = (await db.query('SELECT id FROM issues ORDER BY id LIMIT 1')).rows[0].id;
const durability = (await db.query("SELECT current_setting('synchronous_commit') AS sc, current_setting('fsync') AS fs")).rows[0];
await db.end();

// --- Java MCP SDK anchor
const init = await rpc('initialize', { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'check', version: '1' } });
check('java: initialize with the bearer → 200 and server info', init.status === 200 && json(init.body)?.result?.serverInfo?.name === 'faultline-bench-anchor', `${init.status} ${init.body.slice(0, 200)}`);
const ping = await rpc('ping', {});
check('java: ping with the bearer → 200 and an empty result', ping.status === 200 && JSON.stringify(json(ping.body)?.result) === '{}', `${ping.status} ${ping.body.slice(0, 200)}`);
const got = await rpc('tools/call', { name: 'get_issue', arguments: { issue_id: issueId } });
const gotText = json(got.body)?.result?.content?.[0]?.text;
check('java: tools/call get_issue with the bearer → the row', got.status === 200 && json(gotText)?.id === issueId && !json(got.body).result.isError, `${got.status} ${got.body.slice(0, 200)}`);
const missing = await rpc('tools/call', { name: 'get_issue', arguments: { issue_id: 'not-a-uuid' } });
check('java: get_issue with a bad id → a tool error', json(missing.body)?.result?.isError === true, missing.body.slice(0, 200));
for (const [name, auth] of [['no bearer', null], ['a forged bearer', `${token.slice(0, -4)}AAAA`]]) {
  const refused = await rpc('ping', {}, auth);
  check(`java: ping with ${name} → 401 + WWW-Authenticate`, refused.status === 401 && /^Bearer/.test(refused.headers['www-authenticate'] ?? ''), `${refused.status}`);
}
const refusedCall = await rpc('tools/call', { name: 'get_issue', arguments: { issue_id: issueId } }, null);
check('java: get_issue without a bearer → 401', refusedCall.status === 401, `${refusedCall.status}`);
const stat = await request(`http://127.0.0.1:${javaPort}/static`);
check('java: GET /static → 200 without a bearer', stat.status === 200, `${stat.status}`);
check('java: token file is mode 600', (fs.statSync(tokenFile).mode & 0o777) === 0o600);

// --- node-oidc-provider anchor
const chains = await mint('refresh', 10);
check('oidc: mint 10 refresh tokens, each in its own client chain', chains.length === 10 && new Set(chains.map((c) => c.refresh_token)).size === 10);
let rotations = 0;
let lastAccessToken;
for (const chain of chains) {
  let current = chain.refresh_token;
  for (let i = 0; i < 3; i += 1) {
    const res = await refresh(chain.client_id, current);
    const body = json(res.body);
    if (res.status === 200 && body.refresh_token && body.refresh_token !== current && body.access_token) {
      rotations += 1; current = body.refresh_token; lastAccessToken = body.access_token;
    } else {
      console.log(`  refresh failed: ${res.status} ${res.body.slice(0, 200)}`);
      break;
    }
  }
  if (chain === chains[0]) {
    const replay = await refresh(chain.client_id, chain.refresh_token);
    check('oidc: a rotated-away refresh token is refused (invalid_grant)', replay.status === 400 && json(replay.body)?.error === 'invalid_grant', `${replay.status} ${replay.body}`);
    const after = await refresh(chain.client_id, current);
    check('oidc: …and its reuse revoked the chain', after.status === 400, `${after.status}`);
  }
}
check('oidc: 30 rotations (10 chains × 3), each a new refresh token', rotations === 30, `${rotations}`);
const [header, claims] = jwtParts(lastAccessToken);
check('oidc: access tokens are RS256 at+jwt for the resource', header.alg === 'RS256' && header.typ === 'at+jwt' && claims.aud === `http://127.0.0.1:${oidcPort}/mcp`, JSON.stringify({ header, claims }));

const codes = await mint('code', 10);
let exchanged = 0;
for (const c of codes) {
  const res = await exchange(c);
  const body = json(res.body);
  if (res.status === 200 && body.access_token && body.refresh_token) exchanged += 1;
  else console.log(`  exchange failed: ${res.status} ${res.body.slice(0, 200)}`);
}
check('oidc: 10 codes exchanged, each for an access and a refresh token', exchanged === 10, `${exchanged}`);
const reused = await exchange(codes[0]);
check('oidc: a reused code is refused (invalid_grant)', reused.status === 400 && json(reused.body)?.error === 'invalid_grant', `${reused.status} ${reused.body}`);
const noVerifier = await request(tokenUrl, form({ grant_type: 'authorization_code', client_id: codes[1].client_id, code: (await mint('code', 1))[0].code, redirect_uri: codes[1].redirect_uri }));
check('oidc: a code without code_verifier is refused (PKCE required)', noVerifier.status === 400, `${noVerifier.status}`);

console.log(`PostgreSQL: synchronous_commit=${durability.sc}, fsync=${durability.fs}`);
console.log(`${passed} passed, ${failed} failed`);

// --- rough measurement (not asserted)
function cpuTicks(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(f[11]) + Number(f[12]); // utime + stime
}
function postgresTicks() {
  let sum = cpuTicks(postmasterPid);
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1] === String(postmasterPid)) sum += cpuTicks(pid);
    } catch { /* gone */ }
  }
  return sum;
}
const TICK_US = 1e6 / 100; // CLK_TCK is 100 on Linux

async function closedLoop(name, pid, workers, seconds, makeWorker) {
  const [app0, pg0, t0] = [cpuTicks(pid), postgresTicks(), process.hrtime.bigint()];
  const deadline = Date.now() + seconds * 1000;
  let ok = 0; let bad = 0;
  await Promise.all(Array.from({ length: workers }, async (_, w) => {
    const next = await makeWorker(w);
    while (Date.now() < deadline) {
      const good = await next();
      if (good === null) break; else if (good) ok += 1; else bad += 1;
    }
  }));
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  const [app, pgCpu] = [(cpuTicks(pid) - app0) * TICK_US, (postgresTicks() - pg0) * TICK_US];
  console.log(JSON.stringify({
    round: name, workers, seconds: +secs.toFixed(1), ok, errors: bad, req_per_s: Math.round(ok / secs),
    app_cpu_us_per_req: Math.round(app / ok), pg_cpu_us_per_req: Math.round(pgCpu / ok),
  }));
}

if (measureSeconds > 0) {
  const s = measureSeconds;
  const call = (method, params) => async () => async () => (await rpc(method, params)).status === 200;
  // JIT warm-up: the first thousands of requests are interpreted.
  await closedLoop('java warm-up', javaPid, 8, 2 * s, call('tools/call', { name: 'get_issue', arguments: { issue_id: issueId } }));
  await closedLoop('java GET /static', javaPid, 8, s, async () => async () => (await request(`http://127.0.0.1:${javaPort}/static`)).status === 200);
  await closedLoop('java ping (authenticated)', javaPid, 8, s, call('ping', {}));
  await closedLoop('java tools/call get_issue (authenticated)', javaPid, 8, s, call('tools/call', { name: 'get_issue', arguments: { issue_id: issueId } }));
  const chainsFor = await mint('refresh', 4);
  const current = chainsFor.map((c) => c.refresh_token); // each worker walks its own chain across rounds
  const refreshWorker = async (w) => async () => {
    const res = await refresh(chainsFor[w].client_id, current[w]);
    if (res.status !== 200) return false;
    current[w] = json(res.body).refresh_token;
    return true;
  };
  await closedLoop('oidc warm-up refresh', oidcPid, 4, s, refreshWorker);
  await closedLoop('oidc refresh (4 chains)', oidcPid, 4, s, refreshWorker);
  const pool = await mint('code', 400 * s);
  await closedLoop('oidc code exchange', oidcPid, 4, s, async () => async () => {
    const c = pool.pop();
    return c ? (await exchange(c)).status === 200 : null;
  });
}
agent.destroy();
process.exit(failed === 0 ? 0 : 1);
