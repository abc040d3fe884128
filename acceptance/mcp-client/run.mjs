// The official MCP TypeScript SDK client against Faultline, authorizing itself with OAuth like Claude Code or
// VS Code would: 401 → protected-resource metadata → authorization-server metadata → dynamic registration →
// PKCE + resource → (sign in and approve on Faultline's pages) → token → initialize → tools. A write tool is
// refused with 403 insufficient_scope and allowed after re-authorizing with mcp:write; after the person revokes
// the app on My Integrations the next call gets 401. Then a personal access token, as a header and in the URL.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';
import { Browser, parseForms, redact, ticking } from '../lib/browser.mjs';

const BASE = (process.env.FAULTLINE_URL ?? 'http://localhost:18480').replace(/\/$/, '');
const EMAIL = process.env.FAULTLINE_EMAIL;
const PASSWORD = process.env.FAULTLINE_PASSWORD;
const PERSONAL_TOKEN = process.env.FAULTLINE_PERSONAL_TOKEN;
const RESOURCE = `${BASE}/mcp`;
const REDIRECT = 'http://127.0.0.1:53683/callback';
const READ_TOOLS = ['get_event', 'get_ingest_setup', 'get_issue', 'list_applications', 'list_events', 'list_issues'];
const WRITE_TOOLS = ['add_note', 'assign_issue', 'delete_note', 'mute_issue', 'reopen_issue', 'resolve_issue'];

let passed = 0;
let failed = 0;
const transcript = (line) => console.log(`    ${line}`);
const statuses = [];

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

/** fetch that records request lines and statuses for the transcript (personal tokens in paths masked). */
async function recordingFetch(url, init) {
  const response = await fetch(url, init);
  const path = redact(new URL(url)).replace(/\/mcp\/flt_pat_\w+/, '/mcp/flt_pat_…');
  const method = init?.method ?? 'GET';
  let rpc = '';
  if (typeof init?.body === 'string' && init.body.startsWith('{')) {
    try { rpc = ` ${JSON.parse(init.body).method ?? ''}`; } catch { /* not JSON-RPC */ }
  }
  statuses.push({ path, status: response.status, header: response.headers.get('www-authenticate') });
  transcript(`${method} ${path}${rpc} -> ${response.status}`);
  return response;
}

/** Completes Faultline's sign-in and consent pages like a person would, and keeps the code it sends back. */
class PagesOAuthProvider {
  constructor() {
    this.approve = true;
    this.authorizations = [];
  }
  get redirectUrl() { return REDIRECT; }
  get clientMetadata() {
    return {
      client_name: 'MCP TypeScript SDK acceptance', redirect_uris: [REDIRECT], token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'],
    };
  }
  clientInformation() { return this.client; }
  saveClientInformation(information) { this.client = information; }
  tokens() { return this.savedTokens; }
  saveTokens(tokens) { this.savedTokens = tokens; }
  saveCodeVerifier(verifier) { this.verifier = verifier; }
  codeVerifier() { return this.verifier; }
  async redirectToAuthorization(url) {
    this.authorizations.push(url);
    transcript(`authorization requested: scope=${url.searchParams.get('scope')} resource=${url.searchParams.get('resource')}`);
    if (!this.approve) return;
    const browser = new Browser(transcript);
    this.browser = browser;
    const back = new URL(await browser.follow(url.href, BASE, (forms) => {
      const signIn = forms.find((f) => /type=["']?password/i.test(f.html));
      if (signIn) return { action: signIn.action, fields: { ...signIn.fields, email: EMAIL, password: PASSWORD } };
      const consent = forms.find((f) => f.buttons.some((b) => /approve|allow/i.test(`${b.value} ${b.text}`)));
      expect(consent, 'no consent form with an Approve button');
      const approve = consent.buttons.find((b) => /approve|allow/i.test(`${b.value} ${b.text}`));
      return { action: consent.action, fields: { ...ticking(consent.fields, url.searchParams.get('scope')), [approve.name]: approve.value } };
    }));
    expect(back.searchParams.get('iss') === BASE, `iss ${back.searchParams.get('iss')}`);
    expect(back.searchParams.get('state') === url.searchParams.get('state'), 'state echoed');
    this.pendingCode = back.searchParams.get('code');
  }
  invalidateCredentials(kind) {
    transcript(`provider: invalidate ${kind}`);
    if (kind === 'all' || kind === 'client') this.client = undefined;
    if (kind === 'all' || kind === 'tokens') this.savedTokens = undefined;
    if (kind === 'all' || kind === 'verifier') this.verifier = undefined;
  }
  /** A refresh can never widen a grant (RFC 6749 §6): to step up, a client authorizes again. */
  forgetRefreshToken() {
    if (this.savedTokens) this.savedTokens = { ...this.savedTokens, refresh_token: undefined };
  }
  takeCode() {
    const code = this.pendingCode;
    this.pendingCode = undefined;
    return code;
  }
}

function transportFor(url, options = {}) {
  return new StreamableHTTPClientTransport(new URL(url), { fetch: recordingFetch, ...options });
}

async function connectWithOAuth(provider) {
  for (let attempt = 0; attempt < 2; attempt++) {
    const transport = transportFor(RESOURCE, { authProvider: provider });
    const client = new Client({ name: 'faultline-acceptance', version: '1.0.0' });
    try {
      await client.connect(transport);
      return { client, transport };
    } catch (error) {
      if (!(error instanceof UnauthorizedError) || !provider.pendingCode) throw error;
      await transport.finishAuth(provider.takeCode());
    }
  }
  throw new Error('could not connect after authorizing');
}

function structured(result, tool) {
  expect(!result.isError, `${tool} failed: ${JSON.stringify(result.content)}`);
  expect(result.structuredContent && typeof result.structuredContent === 'object', `${tool} has structuredContent`);
  expect(result.content?.some((c) => c.type === 'text' && c.text.length > 0), `${tool} has a text block`);
  return result.structuredContent;
}

/** The first value of a key anywhere in a JSON value (tools nest their lists under different names). */
function find(value, key) {
  if (Array.isArray(value)) {
    for (const item of value) { const found = find(item, key); if (found !== undefined) return found; }
  } else if (value && typeof value === 'object') {
    if (key in value && typeof value[key] !== 'object') return value[key];
    for (const item of Object.values(value)) { const found = find(item, key); if (found !== undefined) return found; }
  }
  return undefined;
}

async function readTools(client) {
  const apps = structured(await client.callTool({ name: 'list_applications', arguments: {} }), 'list_applications');
  const application = find(apps, 'slug');
  expect(application, 'an application is visible');
  const issues = structured(await client.callTool({ name: 'list_issues', arguments: { application, limit: 5 } }), 'list_issues');
  const issueId = find(issues, 'id');
  expect(issueId, 'an issue is listed');
  const issue = structured(await client.callTool({ name: 'get_issue', arguments: { issue_id: issueId } }), 'get_issue');
  const events = structured(await client.callTool({ name: 'list_events', arguments: { issue_id: issueId, limit: 3 } }), 'list_events');
  const eventId = find(events, 'id');
  expect(eventId, 'an event is listed');
  structured(await client.callTool({ name: 'get_event', arguments: { event_id: eventId } }), 'get_event');
  return { application, issueId, issue };
}

const provider = new PagesOAuthProvider();
let session;
let ids;

await check('OAuth from a 401: PRM → AS metadata → DCR → PKCE + resource → consent → token → initialize', async () => {
  session = await connectWithOAuth(provider);
  const first = statuses.find((s) => s.path === '/mcp');
  expect(first?.status === 401, 'the first call is answered 401');
  expect(/resource_metadata="[^"]+\/\.well-known\/oauth-protected-resource\/mcp"/.test(first.header ?? ''), `WWW-Authenticate ${first?.header}`);
  const url = provider.authorizations[0];
  expect(url.searchParams.get('resource') === RESOURCE, `resource ${url.searchParams.get('resource')}`);
  expect(url.searchParams.get('code_challenge_method') === 'S256', 'PKCE S256');
  expect(session.client.getServerVersion()?.name, 'serverInfo');
  expect(session.client.getServerCapabilities()?.tools, 'tools capability');
});

await check('tools/list with mcp:read shows every tool; write tools say they need mcp:write', async () => {
  const { tools } = await session.client.listTools();
  const names = tools.map((t) => t.name).sort();
  expect(JSON.stringify(names) === JSON.stringify([...READ_TOOLS, ...WRITE_TOOLS].sort()), `tools ${names}`);
  for (const tool of tools) {
    const write = WRITE_TOOLS.includes(tool.name);
    expect(tool.annotations?.readOnlyHint === !write, `${tool.name} readOnlyHint`);
    expect(tool.annotations?.destructiveHint === (tool.name === 'delete_note'), `${tool.name} destructiveHint`);
    expect(/Needs the mcp:write permission/.test(tool.description) === write, `${tool.name} description`);
    expect(tool.inputSchema?.additionalProperties === false && tool.outputSchema, `${tool.name} schemas`);
  }
});

await check('every read tool answers with structured content and text', async () => {
  ids = await readTools(session.client);
});

await check('a write tool is refused with 403 insufficient_scope, then allowed after re-authorizing with mcp:write', async () => {
  const before = provider.authorizations.length;
  const call = () => session.client.callTool({ name: 'resolve_issue', arguments: { issue_id: ids.issueId } });
  const callAuthorizing = async () => {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof UnauthorizedError) || !provider.pendingCode) throw error;
      await session.transport.finishAuth(provider.takeCode());
      return call();
    }
  };
  let result;
  try {
    result = await callAuthorizing();
  } catch (error) {
    // SDK 1.32.2 answers insufficient_scope by refreshing, which cannot widen the grant; like a careful
    // client we then authorize again for the wider scope the challenge named.
    expect(/403/.test(String(error)), `expected the 403 step-up challenge, got ${error}`);
    provider.forgetRefreshToken();
    session = await connectWithOAuth(provider);
    result = await callAuthorizing();
  }
  const refused = statuses.find((s) => s.status === 403);
  expect(refused && /insufficient_scope/.test(refused.header ?? ''), 'a 403 insufficient_scope came first');
  expect(provider.authorizations.length === before + 1, 'one more authorization');
  expect(/mcp:write/.test(provider.authorizations.at(-1).searchParams.get('scope')), 'the step-up asked for mcp:write');
  expect(!result.isError, `resolve_issue: ${JSON.stringify(result.content)}`);
  const { tools } = await session.client.listTools();
  expect(WRITE_TOOLS.every((name) => tools.some((t) => t.name === name)), 'write tools are still listed');
});

await check('after the person revokes the app on My Integrations, the next call gets 401 and refreshing fails', async () => {
  const browser = provider.browser;
  const page = await browser.request(`${BASE}/settings/integrations`);
  expect(page.response.status === 200, `My Integrations ${page.response.status}`);
  const clientId = provider.clientInformation().client_id;
  const revoke = parseForms(page.html).find((f) => f.action === '/settings/integrations/revoke' && f.fields.client_id === clientId);
  expect(revoke, 'the app is listed with a Revoke button');
  const revoked = await browser.request(`${BASE}${revoke.action}`, { method: 'POST', form: revoke.fields });
  expect(revoked.response.status === 303, `revoke answered ${revoked.response.status}`);
  const after = await browser.request(revoked.location);
  expect(after.html.includes('Access revoked.'), 'My Integrations confirms the revocation');
  expect(!after.html.includes(`data-client-id="${clientId}"`), 'the app is gone from My Integrations');
  provider.approve = false;
  const mark = statuses.length;
  try {
    await session.client.callTool({ name: 'list_applications', arguments: {} });
    throw new Error('the call succeeded after revocation');
  } catch (error) {
    expect(error instanceof UnauthorizedError, `expected UnauthorizedError, got ${error}`);
  }
  const calls = statuses.slice(mark);
  expect(calls[0]?.status === 401, `first status after revocation ${calls[0]?.status}`);
  expect(calls.some((s) => s.path.startsWith('/mcp/oauth/token') && s.status === 400), 'the refresh was refused');
});

await check('personal access token as Authorization: Bearer', async () => {
  expect(PERSONAL_TOKEN, 'FAULTLINE_PERSONAL_TOKEN is set');
  const client = new Client({ name: 'faultline-acceptance-pat', version: '1.0.0' });
  await client.connect(transportFor(RESOURCE, { requestInit: { headers: { Authorization: `Bearer ${PERSONAL_TOKEN}` } } }));
  const { tools } = await client.listTools();
  expect(tools.length === READ_TOOLS.length + WRITE_TOOLS.length, `a read-only token sees all ${tools.length} tools`);
  structured(await client.callTool({ name: 'list_applications', arguments: {} }), 'list_applications');
  await client.close();
});

await check('personal access token in the URL form /mcp/<token>', async () => {
  const client = new Client({ name: 'faultline-acceptance-pat-url', version: '1.0.0' });
  await client.connect(transportFor(`${RESOURCE}/${PERSONAL_TOKEN}`));
  structured(await client.callTool({ name: 'list_applications', arguments: {} }), 'list_applications');
  await client.close();
});

await session?.client.close().catch(() => {});
console.log(`mcp-sdk: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
