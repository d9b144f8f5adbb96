// CPU time by process, read from /proc (Linux), so a benchmark can say where its time went.
import { readFileSync, readdirSync } from "node:fs";

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** CPU seconds (user + system) of the live processes whose name and process group pass `accept`. */
function cpuSecondsOf(accept: (name: string, pgrp: number) => boolean): number {
  let total = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (!accept(name, Number(fields[2]))) continue; // field 5: pgrp
      total += (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND; // utime, stime
    } catch {
      /* exited */
    }
  }
  return total;
}

/** Every process in a process group (a server started detached, with its children). */
export const groupCpuSeconds = (pgid: number): number => cpuSecondsOf((_name, pgrp) => pgrp === pgid);

/** Every PostgreSQL process on the machine. A backend's time leaves /proc when its connection closes. */
export const postgresCpuSeconds = (): number => cpuSecondsOf((name) => name.startsWith("postgres"));

/** This process, all threads. */
export function ownCpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}
