// The two load shapes of the bench, for any target (an HTTP call, or a whole phase run by an external anchor):
// closed loop (every slot sends its next request when the last one is answered: throughput) and open loop
// (arrivals at a fixed rate; latency counted from the scheduled arrival, so a stalled server cannot hide its queue).
// CPU for the target's process(es) and for PostgreSQL is sampled around each phase.
import { sampler } from "./cpu.mjs";
import { closeAll } from "./http.mjs";

const OPEN_LOOP_SLOTS = 64;
// How often the open loop releases the arrivals that are due. Latency counts from each scheduled arrival, so a
// request due just after a tick waits for the next one and that wait is counted too: a 2 ms tick added 0.4-0.9 ms to
// measured p50s (list_issues at 500/s on a lab server, interleaved, measured while every arrival was also released
// one interval late: 4.8-5.0 ms at 2 ms, 4.0-4.6 at 1 ms). 1 ms is Node's finest timer; anything finer would mean
// spinning on a core the servers need.
export const OPEN_LOOP_TICK_MS = 1;

/**
 * The arrivals of an open-loop phase: one every 1000 / rate ms from {@code start}, the first at {@code start}, the
 * last before {@code start + ms}. {@code due(now)} hands out those whose time has come; {@code rest()} those the loop
 * did not get to before the phase ended. Releasing arrival n only once the (n + 1)th was due, as both open loops did
 * until 2026-12-05, added one whole interval to every latency counted from the arrival.
 */
export function arrivals(start, ms, rate) {
  const end = start + ms;
  const at = (n) => start + (n * 1000) / rate;
  let next = 0;
  const upTo = (limit) => {
    const out = [];
    while (at(next) < end && at(next) <= limit) out.push(at(next++));
    return out;
  };
  return { end, due: (now) => upTo(now), rest: () => upTo(Infinity) };
}

export function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * target: { name, slots, send(slot) -> Promise<{ ok, status }>, more?() -> boolean, appTicks(), pgTicks(), jitTicks?()
 *           (a JVM's compiler threads, part of appTicks),
 *           or external(mode, seconds, rate) -> Promise<{ ok, errors, seconds, p50_ms, p99_ms }> }
 */
export async function phase(target, mode, seconds, rate) {
  closeAll(); // fresh connections for every phase (connecting is part of the phase, as for any client)
  const app = sampler(target.appTicks);
  const pg = sampler(target.pgTicks);
  const jit = target.jitTicks ? sampler(target.jitTicks) : () => null;
  const client = process.cpuUsage(); // the load generator's own CPU: it shares the cores with the servers
  let result;
  if (target.external) {
    result = await target.external(mode, seconds, rate);
  } else {
    result = mode === "closed" ? await closed(target, seconds) : await open(target, seconds, rate);
  }
  const appMs = app();
  const pgMs = pg();
  const jitMs = jit();
  const used = process.cpuUsage(client);
  const clientMs = target.external ? null : (used.user + used.system) / 1000;
  return {
    mode, rate: mode === "open" ? Math.round(rate) : null, ...result,
    per_s: result.seconds > 0 ? result.ok / result.seconds : 0,
    app_cpu_ms: appMs, pg_cpu_ms: pgMs, jit_cpu_ms: jitMs, client_cpu_ms: clientMs,
    app_cpu_us: result.ok ? Math.round((appMs * 1000) / result.ok) : null,
    pg_cpu_us: result.ok ? Math.round((pgMs * 1000) / result.ok) : null,
    client_cpu_us: result.ok && clientMs !== null ? Math.round((clientMs * 1000) / result.ok) : null,
  };
}

async function closed(target, seconds) {
  const latencies = [];
  const statuses = {};
  let ok = 0;
  let errors = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  await Promise.all(Array.from({ length: target.slots }, async (_, slot) => {
    while (performance.now() < end && (!target.more || target.more())) {
      const began = performance.now();
      const r = await target.send(slot);
      statuses[r.status] = (statuses[r.status] || 0) + 1;
      if (r.ok) { ok++; latencies.push(performance.now() - began); } else errors++;
    }
  }));
  return summary(latencies, statuses, ok, errors, (performance.now() - start) / 1000);
}

async function open(target, seconds, rate) {
  const latencies = [];
  const statuses = {};
  let ok = 0;
  let errors = 0;
  const slots = Math.min(target.slots > 8 ? OPEN_LOOP_SLOTS : target.slots, OPEN_LOOP_SLOTS);
  const free = Array.from({ length: slots }, (_, i) => i);
  const waiting = [];
  const inFlight = new Set();
  const pump = () => {
    while (free.length && waiting.length && (!target.more || target.more())) {
      const scheduled = waiting.shift();
      const slot = free.pop();
      const p = target.send(slot).then((r) => {
        statuses[r.status] = (statuses[r.status] || 0) + 1;
        if (r.ok) { ok++; latencies.push(performance.now() - scheduled); } else errors++;
        free.push(slot);
        inFlight.delete(p);
        pump();
      });
      inFlight.add(p);
    }
  };
  const start = performance.now();
  const schedule = arrivals(start, seconds * 1000, rate);
  while (performance.now() < schedule.end) {
    waiting.push(...schedule.due(performance.now()));
    pump();
    await new Promise((r) => setTimeout(r, OPEN_LOOP_TICK_MS));
  }
  waiting.push(...schedule.rest()); // due after the last tick, within the phase: sent late, and counted late
  while (waiting.length && (!target.more || target.more())) {
    pump();
    await Promise.race([...inFlight, new Promise((r) => setTimeout(r, 5))]);
  }
  await Promise.all(inFlight);
  const unsent = waiting.length;
  if (unsent) statuses.not_sent = unsent;
  return summary(latencies, statuses, ok, errors, (performance.now() - start) / 1000);
}

function summary(latencies, statuses, ok, errors, seconds) {
  latencies.sort((a, b) => a - b);
  const round = (v) => (v === null ? null : Number(v.toFixed(2)));
  return { ok, errors, statuses, seconds: Number(seconds.toFixed(2)),
    p50_ms: round(percentile(latencies, 50)), p99_ms: round(percentile(latencies, 99)) };
}
