// A minimal "person at a browser": follows redirects by hand, keeps cookies, and submits the forms the
// pages render (sign-in, consent) by reading them like a browser would. No knowledge of field names beyond
// what a person types: e-mail and password.

export class Browser {
  constructor(log) {
    this.cookies = new Map();
    this.log = log;
  }

  async request(url, { method = 'GET', form } = {}) {
    const headers = { accept: 'text/html' };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let body;
    if (form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(form).toString();
    }
    const response = await fetch(url, { method, headers, body, redirect: 'manual' });
    for (const setCookie of response.headers.getSetCookie()) {
      const [pair, ...attributes] = setCookie.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /max-age=0/i.test(a.trim()) || /expires=thu, 01 jan 1970/i.test(a.trim()));
      if (expired || value === '') this.cookies.delete(name); else this.cookies.set(name, value);
    }
    const location = response.headers.get('location');
    this.log(`${method} ${redact(new URL(url))} -> ${response.status}${location ? ' (redirect)' : ''}`);
    return { response, location: location ? new URL(location, url).href : null, html: await response.text() };
  }

  /** Follows redirects on the authorization server until one leaves it (the client's redirect URI). */
  async follow(start, origin, submit) {
    let step = await this.request(start);
    for (let hops = 0; hops < 10; hops++) {
      if (step.location) {
        if (!step.location.startsWith(origin)) return step.location;
        step = await this.request(step.location);
        continue;
      }
      if (step.response.status !== 200) {
        throw new Error(`unexpected ${step.response.status} at the authorization server: ${step.html.slice(0, 300)}`);
      }
      const form = submit(parseForms(step.html), step.html);
      step = await this.request(new URL(form.action, origin).href, { method: 'POST', form: form.fields });
    }
    throw new Error('too many steps before the redirect back to the client');
  }
}

export function parseForms(html) {
  const forms = [];
  for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    const attrs = attributes(match[1]);
    const fields = {};
    const buttons = [];
    for (const input of match[2].matchAll(/<input\b([^>]*)>/gi)) {
      const a = attributes(input[1]);
      const type = (a.type ?? '').toLowerCase();
      // As a browser does: an unticked checkbox (or radio button) is not submitted at all.
      if ((type === 'checkbox' || type === 'radio') && !('checked' in a)) continue;
      if (a.name) fields[a.name] = a.value ?? '';
      if (a.name && (a.type ?? '').toLowerCase() === 'submit') buttons.push({ name: a.name, value: a.value ?? '' });
    }
    for (const button of match[2].matchAll(/<button\b([^>]*)>([\s\S]*?)<\/button>/gi)) {
      const a = attributes(button[1]);
      if (a.name) buttons.push({ name: a.name, value: a.value ?? '', text: button[2].replace(/<[^>]+>/g, '').trim() });
    }
    forms.push({ action: attrs.action ?? '', method: (attrs.method ?? 'get').toLowerCase(), fields, buttons, html: match[2] });
  }
  return forms;
}

/**
 * The consent form's fields with exactly the boxes of `scope` (space-separated, e.g. the scope the client asked
 * for) ticked, as a person who allows everything asked for would tick them; write starts unticked on the page.
 */
export function ticking(fields, scope) {
  const ticked = Object.fromEntries(Object.entries(fields).filter(([name]) => !name.startsWith('grant:')));
  for (const name of (scope ?? '').split(' ').filter(Boolean)) ticked[`grant:${name}`] = 'yes';
  return ticked;
}

function attributes(text) {
  const result = {};
  for (const m of text.matchAll(/([a-zA-Z_:-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    result[m[1].toLowerCase()] = decode(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return result;
}

function decode(value) {
  return value
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#([0-9]+);/g, (_, d) => String.fromCodePoint(parseInt(d, 10)))
    .replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Request lines for the transcript: secrets in query strings are shown as '…'. */
export function redact(url) {
  const copy = new URL(url);
  for (const key of ['code', 'code_challenge', 'state', 'token', 'refresh_token', 'client_secret']) {
    if (copy.searchParams.has(key)) copy.searchParams.set(key, '…');
  }
  return copy.pathname + (copy.search ? decodeURIComponent(copy.search) : '');
}
