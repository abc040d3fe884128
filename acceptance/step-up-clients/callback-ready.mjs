// Waits until the client's own callback listener (the authorization request's redirect_uri) accepts connections.
// A person takes seconds to press Approve; a headless browser does it in milliseconds, and some clients (mcp-remote
// on a step-up) print the authorization URL a moment before their listener is up. Polls a TCP connect, no sleep
// beyond 50 ms between tries; gives up after limitMs (then the redirect fails as it would without the wait).
import { connect } from 'node:net';

export async function callbackReady(authorizationUrl, limitMs) {
  const redirect = new URL(new URL(authorizationUrl).searchParams.get('redirect_uri'));
  const port = Number(redirect.port || (redirect.protocol === 'https:' ? 443 : 80));
  const host = redirect.hostname.replace(/^\[|\]$/g, '');
  const until = Date.now() + limitMs;
  while (Date.now() < until) {
    const open = await new Promise((resolve) => {
      const socket = connect({ host, port }, () => { socket.destroy(); resolve(true); });
      socket.on('error', () => resolve(false));
    });
    if (open) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}
