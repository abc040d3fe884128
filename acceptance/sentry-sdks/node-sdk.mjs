// Sends crashes to Faultline with the real, unmodified @sentry/node (pinned in package-lock.json), one scenario
// set per process, because the SDK is global. Usage: node node-sdk.mjs <mode> <dsn>, mode one of
//   scenarios   a caught error, the same error twice with different values and lines, a message, a chained
//               error (Error with a cause), a large event (over the SDK's 32 KiB gzip threshold)
//   uncaught    an error nobody catches: the SDK's onUncaughtException handler reports it as fatal, flushes
//               and exits the process with code 1
//   wrong-key   one caught error with a key Faultline does not know
//   rate-limit  caught errors with a rate-limited key until it answers 429, two more that the SDK drops while
//               it backs off, then (after the back-off) close(): the client report says what it dropped
//   again       the caught error once more (same issue); with a third argument, an RFC 3339 time, the event is
//               dated then (set in beforeSend, as an application replaying an old crash would)
// Observes the wire without changing the SDK: a transport wrapper (Sentry's own makeNodeTransport inside)
// records each envelope's item types, client reports and the answer's status; the HTTP module the transport
// is given records each request's path and Content-Encoding. Prints one line "RESULT <json>" at exit.
import * as http from 'node:http';
import * as Sentry from '@sentry/node';

const [mode, dsn, dateEventAt] = process.argv.slice(2);
if (!mode || !dsn) {
  console.error('usage: node node-sdk.mjs scenarios|uncaught|wrong-key|rate-limit|again <dsn> [<rfc3339>]');
  process.exit(2);
}

const result = { mode, events: {}, envelopes: [], requests: [] };
process.on('exit', () => console.log(`RESULT ${JSON.stringify(result)}`));

function recordingTransport(options) {
  const transport = Sentry.makeNodeTransport(options);
  return {
    async send(envelope) {
      const items = envelope[1];
      const entry = { types: items.map(([header]) => header.type), status: null, rateLimits: null };
      const report = items.find(([header]) => header.type === 'client_report');
      if (report) entry.discarded = report[1].discarded_events;
      result.envelopes.push(entry);
      const response = await transport.send(envelope);
      entry.status = response?.statusCode ?? null;
      entry.rateLimits = response?.headers?.['x-sentry-rate-limits'] ?? null;
      return response;
    },
    flush: (timeout) => transport.flush(timeout),
  };
}

const recordingHttp = {
  request(options, callback) {
    const entry = { path: String(options.path).split('?')[0], encoding: options.headers?.['content-encoding'] ?? null };
    result.requests.push(entry);
    return http.request(options, (response) => {
      entry.status = response.statusCode;
      callback(response);
    });
  },
};

Sentry.init({
  dsn,
  release: 'shop-node@1.4.2',
  environment: 'acceptance',
  transport: recordingTransport,
  transportOptions: { httpModule: recordingHttp },
  // The SDK's timestamp is float seconds; an application may set its own here before sending.
  beforeSend: dateEventAt ? (event) => ({ ...event, timestamp: Date.parse(dateEventAt) / 1000 }) : undefined,
  initialScope: {
    tags: { region: 'eu-west', checkout_step: 'payment' },
    user: { id: 'user-1001', email: 'ada@example.com' },
  },
});

function chargeCard(orderId) {
  throw new Error(`Payment declined for order ${orderId}`);
}

// The same code fails with different values on different lines: one issue.
function findCustomer(id) {
  if (id % 2 === 0) {
    throw new TypeError(`Customer ${id} not found in region eu-west`);
  }
  throw new TypeError(`Customer ${id} not found`);
}

function reserveStock(quantity) {
  throw new RangeError(`Quantity ${quantity} out of range`);
}

function saveOrder(orderId) {
  try {
    reserveStock(-1);
  } catch (cause) {
    throw new Error(`Could not save order ${orderId}`, { cause });
  }
}

function exportReport(batch) {
  throw new Error(`Report export too large for batch ${batch}`);
}

// One envelope at a time (flush after each): the SDK sends concurrently otherwise, and a burst on a freshly
// started Faultline may find its ingest places taken and get 429 overloaded, which this suite is not about.
async function capture(name, body) {
  try {
    body();
  } catch (error) {
    (result.events[name] ??= []).push(Sentry.captureException(error));
  }
  await Sentry.flush(10_000);
}

const lastEvent = () => result.envelopes.filter((e) => e.types.includes('event')).at(-1);

if (mode === 'scenarios' || mode === 'again') {
  // 'again' sends the caught error from this very line: Sentry's grouping names an anonymous function's frame
  // by its source line, so the same error thrown from another line would be another issue.
  await capture(mode === 'again' ? 'again' : 'caught', () => chargeCard(1001));
}
if (mode === 'again') {
  await Sentry.close(10_000);
} else if (mode === 'scenarios') {
  for (const id of [41, 42]) {
    await capture('twice', () => findCustomer(id));
  }
  result.events.message = [Sentry.captureMessage('Inventory sync skipped 3 items', 'warning')];
  await Sentry.flush(10_000);
  await capture('chained', () => saveOrder(1002));
  // 300 rows of 1,000 characters in extra: far above the SDK's GZIP_THRESHOLD (32 KiB).
  const rows = Array.from({ length: 300 }, (_, i) => `${String(i).padStart(4, '0')} ${'row data '.repeat(111)}`);
  Sentry.getCurrentScope().setExtra('rows', rows);
  await capture('large', () => exportReport(9));
  Sentry.getCurrentScope().setExtra('rows', undefined);
  await Sentry.close(10_000);
} else if (mode === 'uncaught') {
  setTimeout(() => {
    throw new Error('Worker crashed on job 77');
  }, 0);
} else if (mode === 'wrong-key') {
  await capture('wrong-key', () => chargeCard(9999));
  await Sentry.close(10_000);
} else if (mode === 'rate-limit') {
  // Errors until the key's limit answers 429 (a bounded number: the limit is a few a minute), then two more,
  // which the SDK drops itself while it backs off. After the back-off the next flush sends the client report.
  for (let orderId = 2001; orderId <= 2030 && lastEvent()?.status !== 429; orderId++) {
    await capture('rate-limited', () => chargeCard(orderId));
  }
  Sentry.captureException(new Error('Payment declined for order 2998'));
  Sentry.captureException(new Error('Payment declined for order 2999'));
  const retryAfter = Number(/(\d+):[^:,]*:key:/.exec(lastEvent()?.rateLimits ?? '')?.[1] ?? 0);
  result.waited = retryAfter + 1;
  await new Promise((resolve) => setTimeout(resolve, (retryAfter + 1) * 1000));
  await Sentry.close(10_000);
} else {
  console.error(`unknown mode ${mode}`);
  process.exit(2);
}
