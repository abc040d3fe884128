// mcp-remote (the stdio bridge desktop hosts use) against Faultline, through the full browser sign-in with a
// real headless Chromium: mcp-remote prints the authorization URL (and tries to open a browser, which a
// headless machine does not have); Chromium signs in and approves on Faultline's pages and lands on
// mcp-remote's own callback server. Then tools over stdio JSON-RPC, then a write tool, which needs a step-up.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import puppeteer from 'puppeteer-core';
import { callbackReady } from './callback-ready.mjs';
import { BASE, EMAIL, PASSWORD, READ_TOOLS, WRITE_TOOLS, expect, reporter } from './common.mjs';

const CALLBACK_PORT = Number(process.env.MCP_REMOTE_CALLBACK_PORT ?? 53685);
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const LIMIT_MS = 90_000; // a failure timeout only: every wait below ends as soon as its event arrives
const { check, transcript, finish } = reporter('mcp-remote');

const configDir = mkdtempSync(join(tmpdir(), 'mcp-remote-'));
const bridge = spawn(process.execPath, ['node_modules/mcp-remote/dist/proxy.js', `${BASE}/mcp`, String(CALLBACK_PORT),
  '--allow-http', '--auth-timeout', '90'], {
  env: { ...process.env, MCP_REMOTE_CONFIG_DIR: configDir, BROWSER: 'true', DISPLAY: '' },
  stdio: ['pipe', 'pipe', 'pipe'],
});
const browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
const authorizations = [];
const stderrLines = [];
let expectUrl = false;
createInterface({ input: bridge.stderr }).on('line', (line) => {
  stderrLines.push(line);
  if (/Please authorize this client by visiting/.test(line)) { expectUrl = true; return; }
  if (expectUrl && /^https?:\/\//.test(line.trim())) {
    expectUrl = false;
    const url = new URL(line.trim());
    authorizations.push(url);
    transcript(`mcp-remote asks the browser to open the authorization URL: scope=${url.searchParams.get('scope')}`);
    approveInChromium(url).catch((error) => transcript(`browser: ${error}`));
  }
});

async function approveInChromium(url) {
  const page = await browser.newPage();
  try {
    await page.goto(url.href, { waitUntil: 'load', timeout: LIMIT_MS });
    for (let step = 0; step < 5 && new URL(page.url()).origin === new URL(BASE).origin; step++) {
      if (await page.$('input[type=password]')) {
        transcript('chromium: sign-in page');
        await page.type('input[type=email], input[name=email]', EMAIL);
        await page.type('input[type=password]', PASSWORD);
        await Promise.all([page.waitForNavigation({ timeout: LIMIT_MS }), page.click('form button[type=submit], form input[type=submit]')]);
        continue;
      }
      const approve = await page.evaluateHandle(() => [...document.querySelectorAll('button, input[type=submit]')]
        .find((b) => /approve|allow/i.test(`${b.textContent} ${b.value ?? ''}`)));
      if (!approve.asElement()) throw new Error(`no sign-in or consent form at ${page.url()}`);
      transcript('chromium: consent page; ticking the permissions the client asked for and approving');
      await page.$$eval('input[type=checkbox]', (boxes) => {
        const asked = (document.querySelector('input[type=hidden][name=scope]')?.value ?? '').split(' ').filter(Boolean);
        boxes.forEach((box) => { if (asked.length) box.checked = asked.includes(box.name.replace(/^grant:/, '')); });
      });
      await callbackReady(url.href, LIMIT_MS);
      await Promise.all([page.waitForNavigation({ timeout: LIMIT_MS }), approve.asElement().click()]);
    }
    transcript(`chromium: back at ${new URL(page.url()).origin}${new URL(page.url()).pathname}`);
  } finally {
    await page.close().catch(() => {});
  }
}

const pending = new Map();
createInterface({ input: bridge.stdout }).on('line', (line) => {
  let message;
  try { message = JSON.parse(line); } catch { return; }
  if (message.id !== undefined && pending.has(message.id)) {
    pending.get(message.id)(message);
    pending.delete(message.id);
  }
});
let nextId = 1;
function rpc(method, params) {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { pending.delete(id); reject(new Error(`${method}: no answer within ${LIMIT_MS} ms`)); }, LIMIT_MS);
    pending.set(id, (message) => { clearTimeout(timer); resolve(message); });
    bridge.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id, method, params })}\n`);
  });
}

let issueId;
await check('initialize over stdio: mcp-remote gets a 401, signs in through Chromium and connects with mcp:read', async () => {
  const answer = await rpc('initialize', { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'acceptance-host', version: '1' } });
  expect(answer.result?.serverInfo?.name === 'faultline', `initialize ${JSON.stringify(answer).slice(0, 300)}`);
  bridge.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' })}\n`);
  expect(authorizations.length === 1, `${authorizations.length} authorizations`);
  expect(authorizations[0].searchParams.get('scope') === 'mcp:read', `asked for ${authorizations[0].searchParams.get('scope')}`);
});

await check('tools/list over stdio lists every tool', async () => {
  const answer = await rpc('tools/list', {});
  const names = (answer.result?.tools ?? []).map((t) => t.name).sort();
  expect(JSON.stringify(names) === JSON.stringify([...READ_TOOLS, ...WRITE_TOOLS].sort()), `tools ${names}`);
});

await check('tools/call of a read tool over stdio', async () => {
  const answer = await rpc('tools/call', { name: 'list_issues', arguments: { limit: 1 } });
  expect(answer.result && !answer.result.isError, JSON.stringify(answer).slice(0, 300));
  issueId = answer.result.structuredContent?.issues?.[0]?.id;
  expect(issueId, 'an issue id');
});

await check('a write tool over stdio: 403 insufficient_scope → mcp-remote re-authorizes with mcp:write in Chromium → the call succeeds', async () => {
  const before = authorizations.length;
  const answer = await rpc('tools/call', { name: 'add_note', arguments: { issue_id: issueId, body: 'step-up through mcp-remote' } });
  transcript(`answer: ${JSON.stringify(answer).slice(0, 300)}`);
  transcript(`authorizations: ${authorizations.map((u) => u.searchParams.get('scope')).join(' | ')}`);
  expect(authorizations.length === before + 1, `${authorizations.length - before} more authorizations`);
  expect((authorizations.at(-1).searchParams.get('scope') ?? '').split(' ').includes('mcp:write'), 'the step-up asked for mcp:write');
  expect(answer.result && !answer.result.isError && answer.result.structuredContent?.note?.id, 'add_note succeeded');
});

bridge.stdin.end();
bridge.kill();
await browser.close();
rmSync(configDir, { recursive: true, force: true });
if (process.exitCode) transcript(`mcp-remote stderr (last lines):\n${stderrLines.slice(-15).join('\n').replace(/flt_pat_\w+/g, 'flt_pat_…')}`);
finish();
