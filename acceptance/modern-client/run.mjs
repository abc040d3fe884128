// The MCP TypeScript SDK v2 client (@modelcontextprotocol/client) on both protocol eras of Faultline's /mcp,
// with the personal token (read only) as a bearer header: pinned to 2026-07-28, in 'auto' mode (probes with
// server/discover and must end up on 2026-07-28), and in the SDK's default legacy mode (plain initialize, must
// still get 2025-11-25). Each connection lists every tool and calls list_applications.
// Needs FAULTLINE_URL and FAULTLINE_PERSONAL_TOKEN. Prints one line per check and a closing count line.
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';

const BASE = (process.env.FAULTLINE_URL ?? 'http://localhost:18480').replace(/\/$/, '');
const PERSONAL_TOKEN = process.env.FAULTLINE_PERSONAL_TOKEN;
const MODERN = '2026-07-28';
const LEGACY = '2025-11-25';
const TOOLS = ['add_note', 'assign_issue', 'delete_note', 'get_event', 'get_ingest_setup', 'get_issue', 'list_applications',
  'list_events', 'list_issues', 'mute_issue', 'reopen_issue', 'resolve_issue'];

const counts = { passed: 0, failed: 0 };
const transcript = (line) => console.log(`    ${line}`);

async function check(name, body) {
  try {
    await body();
    counts.passed++;
    console.log(`ok   modern-client: ${name}`);
  } catch (error) {
    counts.failed++;
    console.log(`FAIL modern-client: ${name}: ${error?.stack ?? error}`);
  }
}

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

/** A fetch that remembers each JSON-RPC method sent, the protocol version header it carried and the status. */
function recordingFetch(exchanges) {
  return async (url, init) => {
    let method = '';
    if (typeof init?.body === 'string' && init.body.startsWith('{')) {
      try { method = JSON.parse(init.body).method ?? ''; } catch { /* not JSON-RPC */ }
    }
    const version = new Headers(init?.headers).get('mcp-protocol-version') ?? '-';
    const response = await fetch(url, init);
    exchanges.push({ method, version, status: response.status });
    transcript(`${init?.method ?? 'GET'} ${new URL(url).pathname.replace(/flt_pat_\w+/, 'flt_pat_…')} ${method} `
      + `[MCP-Protocol-Version: ${version}] -> ${response.status}`);
    return response;
  };
}

/** Connects with the given versionNegotiation (undefined = the SDK's default), lists tools, calls one. */
async function session(versionNegotiation) {
  expect(PERSONAL_TOKEN, 'FAULTLINE_PERSONAL_TOKEN is set');
  const exchanges = [];
  const transport = new StreamableHTTPClientTransport(new URL(`${BASE}/mcp`), {
    requestInit: { headers: { Authorization: `Bearer ${PERSONAL_TOKEN}` } },
    fetch: recordingFetch(exchanges),
  });
  const options = versionNegotiation === undefined ? {} : { versionNegotiation };
  const client = new Client({ name: 'faultline-modern-client', version: '1.0.0' }, options);
  try {
    await client.connect(transport);
    const negotiated = client.getNegotiatedProtocolVersion();
    const era = client.getProtocolEra();
    const { tools } = await client.listTools();
    const names = tools.map((tool) => tool.name).sort();
    const result = await client.callTool({ name: 'list_applications', arguments: {} });
    return { negotiated, era, names, result, exchanges };
  } finally {
    await client.close().catch(() => {});
  }
}

function expectTools(outcome) {
  expect(JSON.stringify(outcome.names) === JSON.stringify(TOOLS),
    `tools/list gives the ${TOOLS.length} tools, got ${outcome.names.length}: ${outcome.names.join(', ')}`);
  expect(!outcome.result.isError, `list_applications succeeds: ${JSON.stringify(outcome.result).slice(0, 300)}`);
  expect(JSON.stringify(outcome.result).includes('checkout-api'),
    `list_applications names the person's application checkout-api: ${JSON.stringify(outcome.result).slice(0, 300)}`);
}

function expectModernWire(outcome) {
  expect(outcome.era === 'modern', `protocol era is modern, got ${outcome.era}`);
  expect(!outcome.exchanges.some((e) => e.method === 'initialize'), 'no initialize is sent on the modern era');
  const calls = outcome.exchanges.filter((e) => e.method === 'tools/list' || e.method === 'tools/call');
  expect(calls.length >= 2 && calls.every((e) => e.version === MODERN && e.status === 200),
    `tools/list and tools/call carry MCP-Protocol-Version ${MODERN} and get 200: ${JSON.stringify(calls)}`);
}

await check(`pinned to ${MODERN}: connects, negotiates ${MODERN}, lists ${TOOLS.length} tools, calls list_applications`,
  async () => {
    const outcome = await session({ mode: { pin: MODERN } });
    expect(outcome.negotiated === MODERN, `negotiated ${MODERN}, got ${outcome.negotiated}`);
    expectModernWire(outcome);
    expectTools(outcome);
  });

await check(`auto: probes with server/discover and ends up on ${MODERN}, lists tools, calls list_applications`,
  async () => {
    const outcome = await session({ mode: 'auto' });
    expect(outcome.exchanges.some((e) => e.method === 'server/discover'), 'the client probed with server/discover');
    expect(outcome.negotiated === MODERN, `negotiated ${MODERN}, got ${outcome.negotiated}`);
    expectModernWire(outcome);
    expectTools(outcome);
  });

await check(`default (legacy) mode: initialize still negotiates ${LEGACY}, lists tools, calls list_applications`,
  async () => {
    const outcome = await session(undefined);
    expect(outcome.negotiated === LEGACY, `negotiated ${LEGACY}, got ${outcome.negotiated}`);
    expect(outcome.era === 'legacy', `protocol era is legacy, got ${outcome.era}`);
    expect(outcome.exchanges.some((e) => e.method === 'initialize'), 'the client sent initialize');
    expect(!outcome.exchanges.some((e) => e.method === 'server/discover'), 'the legacy client sent no server/discover');
    expectTools(outcome);
  });

console.log(`modern-client: ${counts.passed} passed, ${counts.failed} failed`);
process.exitCode = counts.failed === 0 ? 0 : 1;
