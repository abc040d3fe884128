// Keep-alive HTTP for the bench's load loops: node:http (lighter than fetch, so the load generator takes less of
// the machine it shares with the servers), bodies read whole as text.
import http from "node:http";

const agents = new Map();

function agentFor(origin) {
  if (!agents.has(origin)) agents.set(origin, new http.Agent({ keepAlive: true, maxSockets: 256 }));
  return agents.get(origin);
}

/** One request: { status, body, ms }; network errors resolve with status 0. */
export function request(url, { method = "GET", headers = {}, body } = {}) {
  const target = new URL(url);
  const started = performance.now();
  return new Promise((resolve) => {
    const payload = body === undefined ? undefined : Buffer.from(body);
    const req = http.request({
      host: target.hostname, port: target.port, path: target.pathname + target.search, method,
      headers: payload ? { ...headers, "content-length": payload.length } : headers, agent: agentFor(target.origin),
    }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers,
        body: Buffer.concat(chunks).toString("utf8"), ms: performance.now() - started }));
      res.on("error", () => resolve({ status: 0, body: "", ms: performance.now() - started }));
    });
    req.on("error", (e) => resolve({ status: 0, body: String(e), ms: performance.now() - started }));
    if (payload) req.write(payload);
    req.end();
  });
}

export function form(fields) {
  return new URLSearchParams(fields).toString();
}

/** Closes every kept-alive connection: a server may have timed out idle ones, and reusing one would fail a request. */
export function closeAll() {
  for (const agent of agents.values()) agent.destroy();
  agents.clear();
}
