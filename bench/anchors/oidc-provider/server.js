// node-oidc-provider on PostgreSQL, set up as its documentation recommends for production (own signing keys, own
// cookie keys, own account lookup, development interactions off, NODE_ENV=production), doing what Faultline's
// authorization server does: public clients, PKCE, refresh-token rotation, RS256 JWT access tokens for one
// resource (RFC 8707 resource indicators). Usage: node server.js PORT PG_URL STATE_DIR
// The token endpoint is http://127.0.0.1:PORT/token; a mint endpoint on 127.0.0.1:PORT+1 makes grants for the bench.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

import Provider from 'oidc-provider';
import pg from 'pg';

import { createSchema, pgAdapter } from './pg-adapter.js';

const [port, pgUrl, stateDir] = [Number(process.argv[2]), process.argv[3], process.argv[4]];
if (!Number.isInteger(port) || port < 1 || port > 65534 || !pgUrl || !stateDir) {
  console.error('usage: node server.js PORT PG_URL STATE_DIR');
  process.exit(2);
}

const issuer = `http://127.0.0.1:${port}`;
const resource = `${issuer}/mcp`;
const redirectUri = 'http://127.0.0.1/callback';
const accountId = 'bench-user';
const clientIds = ['bench-client-1', 'bench-client-2', 'bench-client-3', 'bench-client-4'];
const scope = 'offline_access mcp:read';

const pool = new pg.Pool({ connectionString: pgUrl });
await createSchema(pool);

const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: crypto.randomUUID(), alg: 'RS256', use: 'sig' };

const provider = new Provider(issuer, {
  adapter: pgAdapter(pool),
  clients: clientIds.map((clientId) => ({
    client_id: clientId,
    token_endpoint_auth_method: 'none',
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    redirect_uris: [redirectUri],
  })),
  jwks: { keys: [signingKey] },
  cookies: { keys: [crypto.randomBytes(32).toString('base64url')] },
  findAccount: async (_ctx, sub) => ({ accountId: sub, claims: async () => ({ sub }) }),
  scopes: ['offline_access', 'mcp:read', 'mcp:write'],
  features: {
    devInteractions: { enabled: false },
    resourceIndicators: {
      enabled: true,
      defaultResource: async () => resource,
      getResourceServerInfo: async (_ctx, indicator) => {
        if (indicator !== resource) throw new Provider.errors.InvalidTarget();
        return {
          scope: 'mcp:read mcp:write',
          audience: resource,
          accessTokenTTL: 3600,
          accessTokenFormat: 'jwt',
          jwt: { sign: { alg: 'RS256' } },
        };
      },
    },
  },
  pkce: { required: () => true },
  rotateRefreshToken: true,
  // Faultline's lifetimes: code 60 s, access token 1 h, refresh token 30 d (renewed on rotation), grant 90 d.
  ttl: {
    AuthorizationCode: 60,
    AccessToken: 3600,
    RefreshToken: 30 * 24 * 3600,
    Grant: 90 * 24 * 3600,
    Interaction: 3600,
    Session: 14 * 24 * 3600,
  },
});

// One grant per minted credential, made through the provider's own models (what its authorization endpoint
// stores after consent), so the measured token requests are the only thing the bench times.
async function newGrant(clientId) {
  const grant = new provider.Grant({ accountId, clientId });
  grant.addOIDCScope('offline_access');
  grant.addResourceScope(resource, 'mcp:read');
  return grant.save();
}

async function mintRefresh(i) {
  const clientId = clientIds[i % clientIds.length];
  const client = await provider.Client.find(clientId);
  const grantId = await newGrant(clientId);
  const token = new provider.RefreshToken({
    accountId, client, grantId, scope, resource, gty: 'authorization_code',
    authTime: Math.floor(Date.now() / 1000), expiresWithSession: false,
  });
  return { client_id: clientId, refresh_token: await token.save() };
}

async function mintCode(i) {
  const clientId = clientIds[i % clientIds.length];
  const client = await provider.Client.find(clientId);
  const grantId = await newGrant(clientId);
  const codeVerifier = crypto.randomBytes(32).toString('base64url');
  const code = new provider.AuthorizationCode({
    accountId, client, grantId, scope, resource, redirectUri,
    codeChallenge: crypto.createHash('sha256').update(codeVerifier).digest('base64url'),
    codeChallengeMethod: 'S256',
    authTime: Math.floor(Date.now() / 1000), expiresWithSession: false,
  });
  return { client_id: clientId, code: await code.save(), code_verifier: codeVerifier, redirect_uri: redirectUri, resource };
}

const MAX_MINT = 100000;
const mint = http.createServer(async (req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  const kind = url.searchParams.get('kind');
  const n = Number(url.searchParams.get('n'));
  if (req.method !== 'POST' || url.pathname !== '/mint' || !['refresh', 'code'].includes(kind)
      || !Number.isInteger(n) || n < 1 || n > MAX_MINT) {
    res.writeHead(400, { 'content-type': 'text/plain' }).end(`POST /mint?kind=refresh|code&n=1..${MAX_MINT}\n`);
    return;
  }
  try {
    const make = kind === 'refresh' ? mintRefresh : mintCode;
    const out = [];
    for (let i = 0; i < n; i += 1) out.push(await make(i)); // sequential: bounded pool use, chains in order
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(out));
  } catch (err) {
    console.error('mint failed:', err.message);
    res.writeHead(500, { 'content-type': 'text/plain' }).end('mint failed\n');
  }
});

provider.on('server_error', (_ctx, err) => console.error('server_error:', err.message));

await new Promise((resolve) => { http.createServer(provider.callback()).listen(port, '127.0.0.1', resolve); });
await new Promise((resolve) => { mint.listen(port + 1, '127.0.0.1', resolve); });
fs.mkdirSync(stateDir, { recursive: true });
fs.writeFileSync(path.join(stateDir, 'ready'), `${issuer}\n`);
console.log(`oidc-provider anchor listening on ${issuer} (mint on 127.0.0.1:${port + 1})`);

const stop = () => { process.exit(0); };
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
