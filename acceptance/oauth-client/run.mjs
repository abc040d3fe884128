// Faultline's authorization server driven end to end by oauth4webapi, a strict, spec-following OAuth client:
// it checks the issuer on discovery, `iss` on the authorization response (RFC 9207), every token response,
// and validates the access token as an RFC 9068 JWT against the JWKS. Prints a transcript (no secrets) and a
// closing "N passed, N failed" line.
import * as oauth from 'oauth4webapi';
import { Browser, redact, ticking } from '../lib/browser.mjs';

const BASE = (process.env.FAULTLINE_URL ?? 'http://localhost:18480').replace(/\/$/, '');
const EMAIL = process.env.FAULTLINE_EMAIL ?? 'acceptance@faultline.dev';
const PASSWORD = process.env.FAULTLINE_PASSWORD;
const RESOURCE = `${BASE}/mcp`;
const REDIRECT = 'http://127.0.0.1:53682/callback';
const insecure = { [oauth.allowInsecureRequests]: true };
if (!PASSWORD) throw new Error('set FAULTLINE_PASSWORD (and FAULTLINE_EMAIL) for the user who signs in');

let passed = 0;
let failed = 0;
const transcript = (line) => console.log(`    ${line}`);

async function check(name, body) {
  try {
    await body();
    passed++;
    console.log(`ok   ${name}`);
  } catch (error) {
    failed++;
    console.log(`FAIL ${name}: ${error?.stack ?? error}`);
  }
}

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

async function expectOAuthError(promise, code, { challenge } = {}) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof oauth.WWWAuthenticateChallengeError) {
      // A 401 with a challenge: the scheme must be the expected one and the body still carries the error code.
      expect(challenge, `unexpected WWW-Authenticate challenge (${error.status})`);
      expect(error.cause.some((c) => c.scheme === challenge), `challenge scheme ${error.cause.map((c) => c.scheme)}`);
      const body = await error.response.json();
      expect(body.error === code, `expected OAuth error ${code}, got ${body.error}`);
      return;
    }
    const actual = error?.error ?? error?.cause?.error;
    expect(actual === code, `expected OAuth error ${code}, got ${actual ?? error}`);
    return;
  }
  throw new Error(`expected OAuth error ${code}, but the request succeeded`);
}

/** Signs in and approves on the server's own pages, like a person would; returns the redirect back. */
async function authorize(as, client, scope) {
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const url = new URL(as.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code', client_id: client.client_id, redirect_uri: REDIRECT, scope, state, resource: RESOURCE,
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256',
  }).toString();
  const browser = new Browser(transcript);
  const back = await browser.follow(url.href, BASE, (forms) => {
    const signIn = forms.find((f) => /type=["']?password/i.test(f.html));
    if (signIn) {
      const emailField = Object.keys(signIn.fields).find((n) => /mail|user|login/i.test(n)) ?? 'email';
      const passwordField = signIn.html.match(/<input\b[^>]*type=["']?password["']?[^>]*name=["']?([\w-]+)/i)?.[1]
        ?? signIn.html.match(/<input\b[^>]*name=["']?([\w-]+)["']?[^>]*type=["']?password/i)?.[1] ?? 'password';
      return { action: signIn.action, fields: { ...signIn.fields, [emailField]: EMAIL, [passwordField]: PASSWORD } };
    }
    const consent = forms.find((f) => f.buttons.some((b) => /approve|allow/i.test(`${b.value} ${b.text}`)));
    expect(consent, 'neither a sign-in form nor a consent form with an Approve button was shown');
    const approve = consent.buttons.find((b) => /approve|allow/i.test(`${b.value} ${b.text}`));
    return { action: consent.action, fields: { ...ticking(consent.fields, scope), [approve.name]: approve.value } };
  });
  transcript(`-> back at the client: ${redact(new URL(back))}`);
  const params = oauth.validateAuthResponse(as, client, new URL(back), state);
  return { params, verifier };
}

async function exchange(as, client, auth, grant) {
  const response = await oauth.authorizationCodeGrantRequest(as, client, auth, grant.params, REDIRECT, grant.verifier,
    { ...insecure, additionalParameters: { resource: RESOURCE } });
  transcript(`POST /mcp/oauth/token grant_type=authorization_code -> ${response.status}`);
  return oauth.processAuthorizationCodeResponse(as, client, response);
}

async function refresh(as, client, auth, refreshToken) {
  const response = await oauth.refreshTokenGrantRequest(as, client, auth, refreshToken, insecure);
  transcript(`POST /mcp/oauth/token grant_type=refresh_token -> ${response.status}`);
  return oauth.processRefreshTokenResponse(as, client, response);
}

async function validateAccessToken(as, accessToken) {
  const request = new Request(RESOURCE, { headers: { authorization: `Bearer ${accessToken}` } });
  return oauth.validateJwtAccessToken(as, request, RESOURCE, insecure);
}

let as;
await check('discovery: RFC 8414 metadata with the exact issuer', async () => {
  const issuer = new URL(BASE);
  const response = await oauth.discoveryRequest(issuer, { algorithm: 'oauth2', ...insecure });
  transcript(`GET /.well-known/oauth-authorization-server -> ${response.status}`);
  as = await oauth.processDiscoveryResponse(issuer, response);
  expect(as.issuer === BASE, `issuer ${as.issuer}`);
  expect(as.code_challenge_methods_supported?.join() === 'S256', 'only S256 is offered');
  expect(as.authorization_response_iss_parameter_supported === true, 'iss parameter supported');
});

let publicClient;
await check('dynamic client registration of a public client', async () => {
  const response = await oauth.dynamicClientRegistrationRequest(as, {
    client_name: 'oauth4webapi acceptance (public)', redirect_uris: [REDIRECT], token_endpoint_auth_method: 'none',
    grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'], application_type: 'native',
  }, insecure);
  transcript(`POST /mcp/oauth/register -> ${response.status}`);
  publicClient = await oauth.processDynamicClientRegistrationResponse(response);
  expect(publicClient.client_id && !publicClient.client_secret, 'a public client gets an id and no secret');
});

let tokens;
await check('authorize (sign in, consent, approve), exchange the code, validate the RFC 9068 access token', async () => {
  const grant = await authorize(as, publicClient, 'mcp:read');
  tokens = await exchange(as, publicClient, oauth.None(), grant);
  expect(tokens.token_type.toLowerCase() === 'bearer', 'bearer');
  expect(tokens.scope === 'mcp:read', `scope ${tokens.scope}`);
  expect(tokens.refresh_token, 'a refresh token');
  const claims = await validateAccessToken(as, tokens.access_token);
  expect(claims.client_id === publicClient.client_id, 'client_id claim');
  expect(claims.aud === RESOURCE || claims.aud?.includes?.(RESOURCE), 'audience is the MCP resource');
});

let first;
let second;
await check('refresh rotates the refresh token, twice', async () => {
  first = await refresh(as, publicClient, oauth.None(), tokens.refresh_token);
  expect(first.refresh_token && first.refresh_token !== tokens.refresh_token, 'a new refresh token');
  second = await refresh(as, publicClient, oauth.None(), first.refresh_token);
  expect(second.refresh_token !== first.refresh_token, 'rotated again');
  await validateAccessToken(as, second.access_token);
});

await check('a rotated refresh token presented again is refused and revokes the whole chain', async () => {
  await expectOAuthError(refresh(as, publicClient, oauth.None(), tokens.refresh_token), 'invalid_grant');
  await expectOAuthError(refresh(as, publicClient, oauth.None(), second.refresh_token), 'invalid_grant');
});

await check('a replayed authorization code is refused', async () => {
  const grant = await authorize(as, publicClient, 'mcp:read');
  await exchange(as, publicClient, oauth.None(), grant);
  await expectOAuthError(exchange(as, publicClient, oauth.None(), grant), 'invalid_grant');
});

await check('confidential client (client_secret_basic): register, authorize with mcp:write, revoke', async () => {
  const response = await oauth.dynamicClientRegistrationRequest(as, {
    client_name: 'oauth4webapi acceptance (confidential)', redirect_uris: [REDIRECT],
    token_endpoint_auth_method: 'client_secret_basic', grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'], scope: 'mcp:read mcp:write',
  }, insecure);
  transcript(`POST /mcp/oauth/register -> ${response.status}`);
  const client = await oauth.processDynamicClientRegistrationResponse(response);
  expect(client.client_secret, 'a confidential client gets a secret once');
  const auth = oauth.ClientSecretBasic(client.client_secret);

  const grant = await authorize(as, client, 'mcp:read mcp:write');
  const issued = await exchange(as, client, auth, grant);
  expect(issued.scope.split(' ').sort().join(' ') === 'mcp:read mcp:write', `scope ${issued.scope}`);

  await expectOAuthError(exchange(as, client, oauth.ClientSecretBasic('wrong-secret'), grant), 'invalid_client',
    { challenge: 'basic' });

  const revoked = await oauth.revocationRequest(as, client, auth, issued.refresh_token, insecure);
  transcript(`POST /mcp/oauth/revoke -> ${revoked.status}`);
  await oauth.processRevocationResponse(revoked);
  await expectOAuthError(refresh(as, client, auth, issued.refresh_token), 'invalid_grant');
});

console.log(`oauth4webapi: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
