// A decision's closing time, from the browser's <input type="datetime-local"> (local wall-clock time, no offset) to
// the ISO string with offset the action takes, and the sentence that previews it against the charter's window.
import { formatHours } from "@/lib/charter/describe";

const HOUR_MS = 3_600_000;

/** "2026-12-03T20:09" read as the browser's local time; null when empty or not a time. */
export function readLocal(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The instant as local time with its offset, e.g. 2026-12-03T20:09:00+01:00. */
export function withOffset(date: Date): string {
  const minutes = -date.getTimezoneOffset();
  const sign = minutes >= 0 ? "+" : "-";
  const abs = Math.abs(minutes);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** A value for datetime-local: `hours` after `now`, rounded up to the next 5 minutes. */
export function localAfter(now: Date, hours: number): string {
  const at = new Date(Math.ceil((now.getTime() + hours * HOUR_MS) / 300_000) * 300_000);
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

const spell = (date: Date) =>
  `${date.toLocaleDateString("en-GB", { weekday: "short", day: "numeric", month: "short" })}, ${date.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" })}`;

function span(hours: number): string {
  const rounded = Math.round(hours);
  if (rounded >= 48) return `${rounded} h (${Math.round((hours / 24) * 10) / 10} days)`;
  return `${Math.max(0, rounded)} h`;
}

export type ClosingPreview = { text: string; problem: string | null };

/** "Closes Thu 3 Dec, 20:09 your time (72 h from now); the charter allows 72 hours to 14 days." */
export function closingPreview({ value, minHours, maxHours, now }: { value: string; minHours: number; maxHours: number; now: Date }): ClosingPreview {
  const window = `the charter requires at least ${formatHours(minHours)} and allows at most ${formatHours(maxHours)}`;
  if (value.trim() === "") {
    const at = new Date(now.getTime() + minHours * HOUR_MS);
    return { text: `Left empty, it closes ${formatHours(minHours)} after opening: ${spell(at)} your time, the charter's minimum.`, problem: null };
  }
  const at = readLocal(value);
  if (!at) return { text: "", problem: "Give a date and a time, e.g. 3 Dec 2026, 20:09." };
  const hours = (at.getTime() - now.getTime()) / HOUR_MS;
  const text = `Closes ${spell(at)} your time, ${hours <= 0 ? "which has already passed" : `${span(hours)} from now`}; ${window}.`;
  if (hours <= 0) return { text, problem: "That time has passed; choose a closing time in the future." };
  if (hours < minHours) return { text, problem: `That is only ${span(hours)} from now; the charter requires at least ${formatHours(minHours)}. Choose a later time.` };
  if (hours > maxHours) return { text, problem: `That is ${span(hours)} from now; the charter allows at most ${formatHours(maxHours)}. Choose an earlier time.` };
  return { text, problem: null };
}
