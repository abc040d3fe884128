// The conformance suite's authorization-server mode against Faultline's AS: the metadata scenario, and the
// authorization-code grant with a client registered here by DCR on the suite's loopback callback (port 3000). The
// suite prints the authorization URL and waits for its callback; a scripted person signs in and approves.
import { spawn } from 'node:child_process';
import { Browser, ticking } from '../lib/browser.mjs';

const [BASE, EMAIL, PASSWORD] = [process.env.FAULTLINE_URL, process.env.FAULTLINE_EMAIL, process.env.FAULTLINE_PASSWORD];
const CALLBACK = 'http://127.0.0.1:3000/callback';

const registered = await fetch(`${BASE}/mcp/oauth/register`, {
  method: 'POST', headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ client_name: 'MCP conformance suite', redirect_uris: [CALLBACK],
    token_endpoint_auth_method: 'none', grant_types: ['authorization_code', 'refresh_token'] }),
});
if (registered.status !== 201) throw new Error(`registration failed: ${registered.status}`);
const clientId = (await registered.json()).client_id;

const suite = spawn('node_modules/.bin/node', ['node_modules/conformance-next/dist/index.js', 'authorization',
  '--url', BASE, '--client-id', clientId, '--resource', `${BASE}/mcp`], { cwd: new URL('.', import.meta.url).pathname });
let output = '';
let driven = false;
const finished = new Promise((resolve) => suite.on('close', resolve));
const drive = async (url) => {
  const browser = new Browser(() => {});
  const back = await browser.follow(url, BASE, (forms) => {
    const signIn = forms.find((f) => /type=["']?password/i.test(f.html));
    if (signIn) return { action: signIn.action, fields: { ...signIn.fields, email: EMAIL, password: PASSWORD } };
    const consent = forms.find((f) => f.buttons.some((b) => b.value === 'approve'));
    const approve = consent.buttons.find((b) => b.value === 'approve');
    return { action: consent.action, fields: { ...ticking(consent.fields, 'mcp:read'), [approve.name]: approve.value } };
  });
  await fetch(back);
};
suite.stdout.on('data', (chunk) => {
  output += chunk;
  const url = output.match(/^(http\S+\/mcp\/oauth\/authorize\?\S+)$/m)?.[1];
  if (url && !driven) {
    driven = true;
    drive(url).catch((e) => { console.log(`FAIL could not drive the sign-in: ${e.message}`); suite.kill(); });
  }
});
suite.stderr.on('data', (chunk) => { output += chunk; });
const timer = setTimeout(() => suite.kill(), 120_000); // a failure bound only
const code = await finished;
clearTimeout(timer);
const summary = output.match(/Total: (\d+) passed, (\d+) failed/);
const lines = output.split('\n').filter((l) => /^[✓✗]/.test(l.trim()));
lines.forEach((l) => console.log(`     ${l.trim()}`));
const ok = code === 0 && summary && summary[2] === '0' && /authorization-code-grant: [1-9]\d* passed, 0 failed/.test(output);
console.log(`${ok ? 'ok  ' : 'FAIL'} conformance authorization (AS mode, 0.2.0-alpha.12): ${summary ? summary[0] : 'no summary'}`);
if (!ok) { console.log(output.replace(/code=[^&\s]+/g, 'code=…').split('\n').slice(-30).join('\n')); process.exit(1); }
