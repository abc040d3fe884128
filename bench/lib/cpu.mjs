// CPU time from /proc, as bench/ingest-load.mjs reads it: utime + stime in clock ticks (USER_HZ = 100).
import { readFileSync, readdirSync } from "node:fs";

export const TICKS_PER_S = 100;

function stat(pid) {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return { ppid: f[1], pgrp: f[2], own: Number(f[11]) + Number(f[12]), children: Number(f[13]) + Number(f[14]) };
  } catch {
    return null;
  }
}

function comm(pid) {
  try { return readFileSync(`/proc/${pid}/comm`, "utf8").trim(); } catch { return ""; }
}

function pids() {
  return readdirSync("/proc").filter((p) => /^\d+$/.test(p));
}

/** One process (a JVM: every thread is in it). */
export function processTicks(pid) {
  return stat(pid)?.own ?? 0;
}

/**
 * Every process of a process group except PostgreSQL's (the bench starts each server with setsid, so a server
 * run by a wrapper script is counted with its children; the embedded PostgreSQL a Faultline starts is counted
 * as PostgreSQL, not as the app).
 */
export function groupTicks(pgrp) {
  let total = 0;
  for (const pid of pids()) {
    const s = stat(pid);
    if (s && s.pgrp === String(pgrp) && comm(pid) !== "postgres") total += s.own;
  }
  return total;
}

/**
 * The PostgreSQL server of one postmaster: the postmaster, its live backends and helpers, and what exited
 * backends used (added to the postmaster's cutime/cstime when they exit). Other PostgreSQL servers on the
 * machine (other builds' tests) are not counted.
 */
export function postgresTicks(postmasterPid) {
  const master = stat(postmasterPid);
  if (!master) return 0;
  let total = master.own + master.children;
  for (const pid of pids()) {
    const s = stat(pid);
    if (s && s.ppid === String(postmasterPid)) total += s.own;
  }
  return total;
}

/** CPU of one JVM's JIT compiler threads ("C1 CompilerThre", "C2 CompilerThre"): compiling, not serving. */
export function jitTicks(pid) {
  let total = 0;
  let tasks;
  try { tasks = readdirSync(`/proc/${pid}/task`); } catch { return 0; }
  for (const tid of tasks) {
    const name = comm(`${pid}/task/${tid}`);
    if (/^C\d CompilerThre/.test(name)) total += stat(`${pid}/task/${tid}`)?.own ?? 0;
  }
  return total;
}

/** JIT compiler CPU of every JVM in a process group (an anchor started through a wrapper script). */
export function groupJitTicks(pgrp) {
  let total = 0;
  for (const pid of pids()) {
    const s = stat(pid);
    if (s && s.pgrp === String(pgrp) && comm(pid) === "java") total += jitTicks(pid);
  }
  return total;
}

/** A sampler for one load phase: call it before, then call the result after; CPU milliseconds. */
export function sampler(read) {
  const before = read();
  return () => ((read() - before) * 1000) / TICKS_PER_S;
}
