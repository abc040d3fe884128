// The MCP TypeScript SDK v2 client (@modelcontextprotocol/client) identifying itself with a Client ID Metadata
// Document instead of registering: it publishes its document over HTTPS from a local server (certificate from
// the CA acceptance/run generated, which Faultline trusts only through FAULTLINE_CLIENT_METADATA_TRUST_STORE),
// sets clientMetadataUrl, and lets the SDK choose CIMD because Faultline advertises
// client_id_metadata_document_supported. A person signs in and approves on Faultline's pages; the SDK exchanges
// the code with the URL as client_id, calls a tool, and the app is listed on My Integrations.
import https from 'node:https';
import { readFileSync } from 'node:fs';
import { Client, StreamableHTTPClientTransport, UnauthorizedError } from '@modelcontextprotocol/client';
import { Browser } from '../lib/browser.mjs';

const BASE = (process.env.FAULTLINE_URL ?? 'http://localhost:18480').replace(/\/$/, '');
const EMAIL = process.env.FAULTLINE_EMAIL;
const PASSWORD = process.env.FAULTLINE_PASSWORD;
const CERT = process.env.CIMD_CERT;   // PEM server certificate for localhost, signed by the acceptance CA
const KEY = process.env.CIMD_KEY;     // its PEM private key
const REDIRECT = 'http://127.0.0.1:53684/callback';

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

/** Serves the client's metadata document at https://localhost:<port>/oauth/client-metadata.json. */
async function publishDocument() {
  const server = https.createServer({ cert: readFileSync(CERT), key: readFileSync(KEY) });
  const fetched = [];
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `https://localhost:${server.address().port}/oauth/client-metadata.json`;
  const document = JSON.stringify({
    client_id: url, client_name: 'MCP TypeScript SDK v2 (CIMD acceptance)', redirect_uris: [REDIRECT],
    grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'],
    token_endpoint_auth_method: 'none',
  });
  server.on('request', (request, response) => {
    fetched.push({ path: request.url, accept: request.headers.accept });
    transcript(`document server: ${request.method} ${request.url} (Accept: ${request.headers.accept})`);
    if (request.url !== '/oauth/client-metadata.json') { response.writeHead(404).end(); return; }
    response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'max-age=600' }).end(document);
  });
  return { server, url, fetched };
}

/** Completes Faultline's sign-in and consent pages like a person would, and keeps the code it sends back. */
class CimdProvider {
  constructor(clientMetadataUrl) {
    this.clientMetadataUrl = clientMetadataUrl;
  }
  get redirectUrl() { return REDIRECT; }
  get clientMetadata() {
    return { client_name: 'MCP TypeScript SDK v2 (CIMD acceptance)', redirect_uris: [REDIRECT],
      token_endpoint_auth_method: 'none', grant_types: ['authorization_code', 'refresh_token'] };
  }
  clientInformation() { return this.client; }
  saveClientInformation(information) { this.client = information; }
  tokens() { return this.savedTokens; }
  saveTokens(tokens) { this.savedTokens = tokens; }
  saveCodeVerifier(verifier) { this.verifier = verifier; }
  codeVerifier() { return this.verifier; }
  async redirectToAuthorization(url) {
    this.authorizeUrl = url;
    transcript(`authorization requested: client_id=${url.searchParams.get('client_id')}`);
    this.browser = new Browser(transcript);
    const back = new URL(await this.browser.follow(url.href, BASE, (forms) => {
      const signIn = forms.find((f) => /type=["']?password/i.test(f.html));
      if (signIn) return { action: signIn.action, fields: { ...signIn.fields, email: EMAIL, password: PASSWORD } };
      const consent = forms.find((f) => f.buttons.some((b) => /approve/i.test(`${b.value} ${b.text}`)));
      expect(consent, 'no consent form with an Approve button');
      const approve = consent.buttons.find((b) => /approve/i.test(`${b.value} ${b.text}`));
      return { action: consent.action, fields: { ...consent.fields, [approve.name]: approve.value } };
    }));
    expect(back.searchParams.get('iss') === BASE, `iss ${back.searchParams.get('iss')}`);
    this.pendingCallback = back.searchParams;
  }
  invalidateCredentials(kind) {
    if (kind === 'all' || kind === 'client') this.client = undefined;
    if (kind === 'all' || kind === 'tokens') this.savedTokens = undefined;
  }
}

async function connect(provider) {
  for (let attempt = 0; attempt < 2; attempt++) {
    const transport = new StreamableHTTPClientTransport(new URL(`${BASE}/mcp`), { authProvider: provider });
    const client = new Client({ name: 'faultline-cimd-acceptance', version: '1.0.0' });
    try {
      await client.connect(transport);
      return client;
    } catch (error) {
      if (!(error instanceof UnauthorizedError) || !provider.pendingCallback) throw error;
      const callback = provider.pendingCallback;
      provider.pendingCallback = undefined;
      await transport.finishAuth(callback); // code + iss: the v2 SDK checks RFC 9207 when advertised
    }
  }
  throw new Error('could not connect after authorizing');
}

const { server, url, fetched } = await publishDocument();
try {
  const provider = new CimdProvider(url);
  let client;
  await check('the SDK chooses CIMD: its client_id is the document URL, and Faultline fetched the document', async () => {
    client = await connect(provider);
    expect(provider.authorizeUrl?.searchParams.get('client_id') === url,
      `client_id ${provider.authorizeUrl?.searchParams.get('client_id')}`);
    expect(fetched.some((f) => f.path === '/oauth/client-metadata.json' && f.accept === 'application/json'),
      'Faultline fetched the document with Accept: application/json');
  });
  await check('the consent page named the verified origin', async () => {
    const page = await provider.browser.request(provider.authorizeUrl.href);
    expect(/Identified by/.test(page.html) && page.html.includes('localhost'), 'Identified by localhost');
  });
  await check('a tool call works with the token issued to the URL client', async () => {
    const result = await client.callTool({ name: 'list_applications', arguments: {} });
    expect(!result.isError, JSON.stringify(result.content));
  });
  await check('the app appears on My Integrations', async () => {
    const page = await provider.browser.request(`${BASE}/settings/integrations`);
    expect(page.html.includes(`data-client-id="${url}"`), 'a row for the client URL');
  });
  await client?.close();
} finally {
  server.close();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
