// The MCP TypeScript SDK v2 client (@modelcontextprotocol/client) against Faultline: OAuth from a 401 with
// read scope, every tool listed, then a write tool → 403 insufficient_scope → the SDK re-authorizes with
// mcp:read mcp:write by itself (no refresh, which could never widen a grant) → the call succeeds.
import { Client, StreamableHTTPClientTransport, UnauthorizedError } from '@modelcontextprotocol/client';
import { BASE, READ_TOOLS, WRITE_TOOLS, approveInPages, expect, reporter } from './common.mjs';

const REDIRECT = 'http://127.0.0.1:53684/callback';
const { check, transcript, finish } = reporter('ts-sdk-v2');
const responses = [];

async function recordingFetch(url, init) {
  let response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    transcript(`${init?.method ?? 'GET'} ${new URL(url).pathname} failed: ${error} ${error?.cause ?? ''}`);
    throw error;
  }
  const path = new URL(url).pathname;
  let rpc = '';
  if (typeof init?.body === 'string' && init.body.startsWith('{')) {
    try { rpc = ` ${JSON.parse(init.body).method ?? ''}`; } catch { /* not JSON-RPC */ }
  }
  responses.push({ path, status: response.status, header: response.headers.get('www-authenticate') });
  transcript(`${init?.method ?? 'GET'} ${path}${rpc} -> ${response.status}`);
  return response;
}

class PagesProvider {
  constructor() { this.authorizations = []; }
  get redirectUrl() { return REDIRECT; }
  get clientMetadata() {
    return { client_name: 'TS SDK v2 step-up acceptance', redirect_uris: [REDIRECT], token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'] };
  }
  clientInformation() { return this.client; }
  saveClientInformation(information) { this.client = information; }
  tokens() { return this.savedTokens; }
  saveTokens(tokens) { this.savedTokens = tokens; }
  saveCodeVerifier(verifier) { this.verifier = verifier; }
  codeVerifier() { return this.verifier; }
  saveDiscoveryState(state) { this.discovery = state; }
  discoveryState() { return this.discovery; }
  async redirectToAuthorization(url) {
    this.authorizations.push(url);
    transcript(`authorization requested: scope=${url.searchParams.get('scope')}`);
    this.callback = await approveInPages(url.href, transcript);
  }
  takeCallback() { const back = this.callback; this.callback = undefined; return back; }
}

const provider = new PagesProvider();
let transport;
let client;

/** Connects; a transport that stopped for the browser finishes sign-in, and a fresh one connects. */
async function connect() {
  for (let attempt = 0; attempt < 2; attempt++) {
    transport = new StreamableHTTPClientTransport(new URL(`${BASE}/mcp`), { authProvider: provider, fetch: recordingFetch });
    client = new Client({ name: 'faultline-step-up-v2', version: '1.0.0' });
    try {
      await client.connect(transport);
      return;
    } catch (error) {
      const back = provider.takeCallback();
      if (!(error instanceof UnauthorizedError) || !back) throw error;
      await transport.finishAuth(back.searchParams);
    }
  }
  throw new Error('could not connect after authorizing');
}

/** Runs an MCP operation; when the SDK stops for the browser (UnauthorizedError), finishes sign-in and retries. */
async function authorizing(operation) {
  try {
    return await operation();
  } catch (error) {
    const back = provider.takeCallback();
    if (!(error instanceof UnauthorizedError) || !back) throw error;
    await transport.finishAuth(back.searchParams);
    return operation();
  }
}

let issueId;
await check('OAuth from a 401 asks for mcp:read only and connects', async () => {
  await connect();
  expect(responses[0]?.status === 401, `first answer ${responses[0]?.status}`);
  expect(provider.authorizations.length === 1, `${provider.authorizations.length} authorizations`);
  expect(provider.authorizations[0].searchParams.get('scope') === 'mcp:read', `scope ${provider.authorizations[0].searchParams.get('scope')}`);
  expect(provider.tokens()?.scope === 'mcp:read', `granted ${provider.tokens()?.scope}`);
});

await check('tools/list with mcp:read lists all twelve tools, write tools saying they need mcp:write', async () => {
  const { tools } = await client.listTools();
  const names = tools.map((t) => t.name).sort();
  expect(JSON.stringify(names) === JSON.stringify([...READ_TOOLS, ...WRITE_TOOLS].sort()), `tools ${names}`);
  for (const tool of tools.filter((t) => WRITE_TOOLS.includes(t.name))) {
    expect(/mcp:write/.test(tool.description) && tool.annotations?.readOnlyHint === false, `${tool.name}`);
  }
});

await check('a read tool works with the read grant', async () => {
  const result = await client.callTool({ name: 'list_issues', arguments: { limit: 1 } });
  expect(!result.isError, JSON.stringify(result.content));
  issueId = result.structuredContent?.issues?.[0]?.id;
  expect(issueId, 'an issue id');
});

await check('a write tool: 403 insufficient_scope → the SDK re-authorizes with mcp:write → the call succeeds', async () => {
  const before = provider.authorizations.length;
  const result = await authorizing(() => client.callTool({ name: 'add_note', arguments: { issue_id: issueId, body: 'step-up from the TS SDK v2' } }));
  const refused = responses.find((r) => r.status === 403);
  expect(refused && /error="insufficient_scope"/.test(refused.header) && /scope="mcp:read mcp:write"/.test(refused.header), `challenge ${refused?.header}`);
  expect(provider.authorizations.length === before + 1, 'exactly one more authorization');
  const scope = provider.authorizations.at(-1).searchParams.get('scope') ?? '';
  expect(scope.split(' ').includes('mcp:write') && scope.split(' ').includes('mcp:read'), `step-up scope ${scope}`);
  expect(/mcp:write/.test(provider.tokens()?.scope ?? ''), `granted ${provider.tokens()?.scope}`);
  expect(!result.isError && result.structuredContent?.note?.id, `add_note ${JSON.stringify(result.content)}`);
});

await client?.close().catch(() => {});
finish();
