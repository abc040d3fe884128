// Shared by the step-up client scripts: one line per check, and a person at Faultline's sign-in and consent
// pages (acceptance/lib/browser.mjs) who approves every permission the client asked for.
import { Browser, parseForms, ticking } from '../lib/browser.mjs';

export const BASE = (process.env.FAULTLINE_URL ?? 'http://localhost:18480').replace(/\/$/, '');
export const EMAIL = process.env.FAULTLINE_EMAIL;
export const PASSWORD = process.env.FAULTLINE_PASSWORD;
export const READ_TOOLS = ['get_event', 'get_ingest_setup', 'get_issue', 'list_applications', 'list_events', 'list_issues'];
export const WRITE_TOOLS = ['add_note', 'assign_issue', 'delete_note', 'mute_issue', 'reopen_issue', 'resolve_issue'];

export function reporter(suite) {
  const counts = { passed: 0, failed: 0 };
  return {
    counts,
    transcript: (line) => console.log(`    ${line}`),
    async check(name, body) {
      try {
        await body();
        counts.passed++;
        console.log(`ok   ${suite}: ${name}`);
      } catch (error) {
        counts.failed++;
        console.log(`FAIL ${suite}: ${name}: ${error?.stack ?? error}`);
      }
    },
    finish() {
      console.log(`${suite}: ${counts.passed} passed, ${counts.failed} failed`);
      process.exitCode = counts.failed === 0 ? 0 : 1;
    },
  };
}

export function expect(condition, message) {
  if (!condition) throw new Error(message);
}

/**
 * Signs in and approves on Faultline's pages, starting at an authorization URL, and returns the URL Faultline
 * sends the browser back to. The person ticks exactly the permissions the client asked for.
 */
export async function approveInPages(authorizationUrl, transcript) {
  const browser = new Browser(transcript);
  const back = await browser.follow(authorizationUrl, BASE, (forms) => {
    const signIn = forms.find((f) => /type=["']?password/i.test(f.html));
    if (signIn) return { action: signIn.action, fields: { ...signIn.fields, email: EMAIL, password: PASSWORD } };
    const consent = forms.find((f) => f.buttons.some((b) => /approve|allow/i.test(`${b.value} ${b.text}`)));
    expect(consent, 'no consent form with an Approve button');
    const approve = consent.buttons.find((b) => /approve|allow/i.test(`${b.value} ${b.text}`));
    // The person ticks what the client asked for (the request's scope, a hidden field of the form), so a
    // read-only request is approved read-only and the write step-up has to come later.
    const asked = consent.fields.scope;
    const fields = asked ? ticking(consent.fields, asked) : consent.fields;
    return { action: consent.action, fields: { ...fields, [approve.name]: approve.value } };
  });
  return new URL(back);
}

export { parseForms };
