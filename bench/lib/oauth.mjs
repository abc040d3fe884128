// Faultline's OAuth flow over real HTTP, as an MCP client and a person at a browser would drive it: dynamic client
// registration, sign-in, consent, the redirect back with a code, the code exchange with PKCE, refresh grants.
// The person is the Browser of the acceptance tests (follows redirects, keeps cookies, submits the pages' forms).
import { createHash, randomBytes } from "node:crypto";
import { Browser, ticking } from "../../acceptance/lib/browser.mjs";
import { form, request } from "./http.mjs";

export const REDIRECT = "http://127.0.0.1:53682/callback";
const SCOPE = "mcp:read";

export function s256(verifier) {
  return createHash("sha256").update(verifier).digest("base64url");
}

export function sha256Hex(text) {
  return createHash("sha256").update(text, "ascii").digest("hex");
}

export class FaultlineOAuth {
  constructor(base, email, password) {
    this.base = base;
    this.resource = `${base}/mcp`;
    this.email = email;
    this.password = password;
    this.browser = new Browser(() => {});
  }

  async discover() {
    const r = await request(`${this.base}/.well-known/oauth-authorization-server`);
    if (r.status !== 200) throw new Error(`discovery: ${r.status}`);
    this.metadata = JSON.parse(r.body);
    return this;
  }

  async register(name) {
    const r = await request(this.metadata.registration_endpoint, {
      method: "POST", headers: { "content-type": "application/json" },
      body: JSON.stringify({ client_name: name, redirect_uris: [REDIRECT], token_endpoint_auth_method: "none",
        grant_types: ["authorization_code", "refresh_token"], response_types: ["code"], application_type: "native" }),
    });
    if (r.status !== 201 && r.status !== 200) throw new Error(`registration: ${r.status} ${r.body.slice(0, 200)}`);
    return JSON.parse(r.body).client_id;
  }

  /** Signs in (first time only: the session cookie stays) and approves; returns { code, verifier }. */
  async authorize(clientId) {
    const verifier = randomBytes(32).toString("base64url");
    const state = randomBytes(12).toString("base64url");
    const url = new URL(this.metadata.authorization_endpoint);
    url.search = form({ response_type: "code", client_id: clientId, redirect_uri: REDIRECT, scope: SCOPE, state,
      resource: this.resource, code_challenge: s256(verifier), code_challenge_method: "S256" });
    const back = await this.browser.follow(url.href, this.base, (forms) => {
      const signIn = forms.find((f) => /type=["']?password/i.test(f.html));
      if (signIn) {
        const emailField = Object.keys(signIn.fields).find((n) => /mail|user|login/i.test(n)) ?? "email";
        const passwordField = signIn.html.match(/<input\b[^>]*type=["']?password["']?[^>]*name=["']?([\w-]+)/i)?.[1]
          ?? signIn.html.match(/<input\b[^>]*name=["']?([\w-]+)["']?[^>]*type=["']?password/i)?.[1] ?? "password";
        return { action: signIn.action, fields: { ...signIn.fields, [emailField]: this.email, [passwordField]: this.password } };
      }
      const consent = forms.find((f) => f.buttons.some((b) => /approve|allow/i.test(`${b.value} ${b.text}`)));
      if (!consent) throw new Error("neither a sign-in form nor a consent form was shown");
      const approve = consent.buttons.find((b) => /approve|allow/i.test(`${b.value} ${b.text}`));
      return { action: consent.action, fields: { ...ticking(consent.fields, SCOPE), [approve.name]: approve.value } };
    });
    const params = new URL(back).searchParams;
    if (!params.get("code") || params.get("state") !== state) throw new Error(`authorization failed: ${back.replace(/code=[^&]+/, "code=…")}`);
    return { code: params.get("code"), verifier };
  }

  /** Codes minted through the real authorize flow, `parallel` sign-ed in sessions approving at once. */
  async mintCodes(clientId, n, parallel = 4) {
    const codes = [];
    let next = 0;
    await Promise.all(Array.from({ length: parallel }, async () => {
      while (next < n) {
        next++;
        codes.push(await this.authorize(clientId));
      }
    }));
    return codes;
  }

  exchangeBody(clientId, { code, verifier }) {
    return form({ grant_type: "authorization_code", code, redirect_uri: REDIRECT, code_verifier: verifier,
      client_id: clientId, resource: this.resource });
  }

  refreshBody(clientId, refreshToken) {
    return form({ grant_type: "refresh_token", refresh_token: refreshToken, client_id: clientId });
  }

  async token(body) {
    const r = await request(this.metadata.token_endpoint, { method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" }, body });
    if (r.status !== 200) throw new Error(`token endpoint: ${r.status} ${r.body.slice(0, 300)}`);
    return JSON.parse(r.body);
  }

  /** A new grant for a new client: { clientId, access, refresh }. */
  async grant(name) {
    const clientId = await this.register(name);
    const tokens = await this.token(this.exchangeBody(clientId, await this.authorize(clientId)));
    return { clientId, access: tokens.access_token, refresh: tokens.refresh_token };
  }
}

export function newRefreshToken() {
  return `flt_rt_${randomBytes(32).toString("base64url")}`;
}
