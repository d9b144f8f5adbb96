// The one way the UI writes a moment: "1 Dec 2026, 20:09 UTC" (or the date alone), in a given time zone.
// Pure: the server formats in UTC, the browser formats the same instant again in the viewer's zone.

export type TimeStyle = "date" | "datetime";

// Month names and the order of the parts are ours, not the runtime's: browsers' and Node's ICU data differ
// ("Sep" or "Sept"), and the text rendered in UTC during hydration must match the server's to the letter.
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const LOCALE = "en-GB";
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let found = formatters.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat(LOCALE, {
      timeZone,
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZoneName: "short",
    });
    formatters.set(timeZone, found);
  }
  return found;
}

function toDate(at: Date | string): Date {
  const date = typeof at === "string" ? new Date(at) : at;
  if (Number.isNaN(date.getTime())) throw new RangeError(`"${String(at)}" is not a date and time.`);
  return date;
}

// Building an Intl.DateTimeFormat costs far more than formatting with one, and pages format hundreds of times:
// the answer per zone is kept (zones are few: UTC on the server, the viewer's one in the browser).
const knownZones = new Map<string, boolean>();

/** True when the runtime knows the IANA time zone (a browser can report one this runtime lacks). */
export function isKnownTimeZone(timeZone: string): boolean {
  let known = knownZones.get(timeZone);
  if (known === undefined) {
    try {
      formatter(timeZone);
      known = true;
    } catch {
      known = false;
    }
    if (knownZones.size < 1000) knownZones.set(timeZone, known);
  }
  return known;
}

const twoDigits = (n: number) => String(n).padStart(2, "0");

/** The parts in UTC straight from the Date: what the server renders for every time on every page. */
function utcParts(date: Date): Record<string, string> {
  return {
    day: String(date.getUTCDate()),
    month: String(date.getUTCMonth() + 1),
    year: String(date.getUTCFullYear()),
    hour: twoDigits(date.getUTCHours()),
    minute: twoDigits(date.getUTCMinutes()),
  };
}

/** "1 Dec 2026, 20:09 UTC" (datetime) or "1 Dec 2026" (date), in `timeZone` (default UTC). */
export function formatTime(at: Date | string, { style = "datetime", timeZone = "UTC" }: { style?: TimeStyle; timeZone?: string } = {}): string {
  const zone = isKnownTimeZone(timeZone) ? timeZone : "UTC";
  const utc = zone === "UTC" || zone === "Etc/UTC";
  const parts = utc ? utcParts(toDate(at)) : Object.fromEntries(formatter(zone).formatToParts(toDate(at)).map((part) => [part.type, part.value]));
  const date = `${Number(parts.day)} ${MONTHS[Number(parts.month) - 1]} ${parts.year}`;
  if (style === "date") return date;
  const zoneName = utc ? "UTC" : parts.timeZoneName;
  return `${date}, ${parts.hour}:${parts.minute} ${zoneName}`;
}

/** The exact instant in UTC, to the second, for a title (hover) text: "2026-12-01 20:09:27 UTC". */
export function formatExactUtc(at: Date | string): string {
  return `${toDate(at).toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

/** The ISO 8601 form for a `<time dateTime>` attribute. */
export function machineTime(at: Date | string): string {
  return toDate(at).toISOString();
}
