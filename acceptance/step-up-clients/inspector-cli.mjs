// MCP Inspector's CLI (@modelcontextprotocol/inspector 2.x, --cli) against Faultline: with a read-only personal
// token (tools/list with --strict schema portability checks, tools/call, and what a write tool does), then with
// OAuth through a real headless Chromium (BROWSER=chromium-open.mjs): sign in, then a write tool.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASE, READ_TOOLS, WRITE_TOOLS, expect, reporter } from './common.mjs';

const PERSONAL_TOKEN = process.env.FAULTLINE_PERSONAL_TOKEN;
const { check, transcript, finish } = reporter('inspector-cli');
const home = mkdtempSync(join(tmpdir(), 'inspector-'));
const env = { ...process.env, HOME: home, MCP_CATALOG_PATH: join(home, 'mcp.json'), MCP_INSPECTOR_SECRET_STORE: 'file',
  MCP_AUTO_OPEN_ENABLED: 'true', BROWSER: join(process.cwd(), 'chromium-open.mjs') };

function inspector(args, { header } = {}) {
  const all = ['node_modules/@modelcontextprotocol/inspector/clients/launcher/build/index.js', '--cli', `${BASE}/mcp`,
    ...(header ? ['--header', header] : []), '--callback-url', 'http://127.0.0.1:53686/oauth/callback', ...args];
  const run = spawnSync(process.execPath, all, { env, encoding: 'utf8', timeout: 180_000, stdio: ['ignore', 'pipe', 'pipe'] });
  const scopes = [];
  for (const line of run.stderr.split('\n')) {
    const navigate = /Please navigate to: (\S+)/.exec(line);
    if (navigate) {
      const scope = new URL(navigate[1]).searchParams.get('scope');
      scopes.push(scope);
      transcript(`Inspector asks the browser to open the authorization URL: scope=${scope}`);
    } else if (/chromium:|Authorization complete/.test(line)) {
      transcript(line.trim());
    }
  }
  const parse = (text) => { try { return JSON.parse(text); } catch { return undefined; } };
  const lastJsonLine = run.stderr.split('\n').reverse().find((l) => l.startsWith('{"error"'));
  return { status: run.status, json: parse(run.stdout), error: parse(lastJsonLine ?? '')?.error, scopes, stdout: run.stdout, stderr: run.stderr };
}

const bearer = `Authorization: Bearer ${PERSONAL_TOKEN}`;
let issueId;
await check('personal token: tools/list --strict lists every tool and finds no schema portability problem', async () => {
  const { status, json, stderr } = inspector(['--method', 'tools/list', '--strict'], { header: bearer });
  expect(status === 0, `exit ${status}: ${stderr.slice(-400)}`);
  const names = (json?.tools ?? []).map((t) => t.name).sort();
  expect(JSON.stringify(names) === JSON.stringify([...READ_TOOLS, ...WRITE_TOOLS].sort()), `tools ${names}`);
});

await check('personal token: tools/call of a read tool', async () => {
  const { status, json } = inspector(['--method', 'tools/call', '--tool-name', 'list_issues', '--tool-arg', 'limit=1'], { header: bearer });
  expect(status === 0 && !json?.isError, `exit ${status}`);
  issueId = json.structuredContent?.issues?.[0]?.id;
  expect(issueId, 'an issue id');
});

await check('read-only personal token: a write tool is refused as insufficient scope, no sign-in started', async () => {
  const { status, error, scopes } = inspector(['--method', 'tools/call', '--tool-name', 'add_note', '--tool-arg',
    `issue_id=${issueId}`, 'body=from the Inspector CLI'], { header: bearer });
  transcript(`Inspector reports (exit ${status}): ${error?.message}`);
  expect(status !== 0 && /insufficient scope/i.test(error?.message ?? ''), 'refused as insufficient scope');
  expect(scopes.length === 0, 'no authorization was started');
});

// Recorded behaviour (Inspector 2.12.0): its first sign-in asks for every scope the protected-resource metadata
// lists (scopes_supported: mcp:read mcp:write), so with consent that approves both, a write tool never needs a
// step-up. A grant of mcp:read alone (per-scope consent) followed by a write call is not exercised here.
await check('OAuth in Chromium: Inspector asks for mcp:read mcp:write at first sign-in, so a write tool works without step-up', async () => {
  const list = inspector(['--method', 'tools/list']);
  expect(list.status === 0 && list.json?.tools?.length === 12, `tools/list exit ${list.status}: ${list.stderr.slice(-300)}`);
  expect(JSON.stringify(list.scopes) === JSON.stringify(['mcp:read mcp:write']), `first sign-in asked for ${list.scopes}`);
  const call = inspector(['--method', 'tools/call', '--tool-name', 'add_note', '--tool-arg', `issue_id=${issueId}`,
    'body=step-up from the Inspector CLI']);
  transcript(`Inspector answers (exit ${call.status}): ${call.stdout.trim().slice(0, 120).replace(/\s+/g, ' ')}`);
  expect(call.scopes.length === 0, `the write call signed in again (${call.scopes})`);
  expect(call.status === 0 && !call.json?.isError && call.json?.structuredContent?.note?.id, 'add_note succeeded');
});

rmSync(home, { recursive: true, force: true });
finish();
