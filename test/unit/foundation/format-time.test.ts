import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatExactUtc, formatTime, isKnownTimeZone, machineTime } from "@/lib/format-time";

const at = "2026-12-01T20:09:27.123Z";

describe("formatTime", () => {
  it.each([
    ["UTC", "1 Dec 2026, 20:09 UTC", "1 Dec 2026"],
    ["Europe/Berlin", "1 Dec 2026, 21:09 CET", "1 Dec 2026"],
    ["America/New_York", "1 Dec 2026, 15:09 GMT-5", "1 Dec 2026"],
    // Across midnight: the viewer's date, not the UTC date.
    ["Asia/Kolkata", "2 Dec 2026, 01:39 GMT+5:30", "2 Dec 2026"],
    ["Pacific/Kiritimati", "2 Dec 2026, 10:09 GMT+14", "2 Dec 2026"],
  ])("writes the instant in %s", (timeZone, datetime, date) => {
    expect(formatTime(at, { timeZone })).toBe(datetime);
    expect(formatTime(at, { timeZone, style: "date" })).toBe(date);
  });

  it("defaults to UTC and the date with time", () => {
    expect(formatTime(at)).toBe("1 Dec 2026, 20:09 UTC");
  });

  it("takes a Date as well as an ISO string", () => {
    expect(formatTime(new Date(at))).toBe(formatTime(at));
  });

  it("writes hours on a 24-hour clock, midnight as 00", () => {
    expect(formatTime("2026-06-30T00:05:00Z")).toBe("30 Jun 2026, 00:05 UTC");
    expect(formatTime("2026-06-30T23:59:59Z")).toBe("30 Jun 2026, 23:59 UTC");
  });

  it("writes UTC from the Date's own fields exactly as Intl writes it (the server's fast path)", () => {
    const intl = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    fc.assert(
      fc.property(fc.date({ min: new Date("1970-01-01T00:00:00Z"), max: new Date("2200-12-31T23:59:59Z"), noInvalidDate: true }), (date) => {
        const parts = Object.fromEntries(intl.formatToParts(date).map((p) => [p.type, p.value]));
        const month = parts.month === "Sept" ? "Sep" : parts.month;
        expect(formatTime(date)).toBe(`${Number(parts.day)} ${month} ${parts.year}, ${parts.hour}:${parts.minute} UTC`);
        expect(formatTime(date, { style: "date" })).toBe(`${Number(parts.day)} ${month} ${parts.year}`);
      }),
    );
  });

  it("falls back to UTC for a time zone the runtime does not know", () => {
    expect(isKnownTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isKnownTimeZone("Europe/Paris")).toBe(true);
    expect(formatTime(at, { timeZone: "Mars/Olympus_Mons" })).toBe("1 Dec 2026, 20:09 UTC");
  });

  it("refuses what is not a date, saying which value", () => {
    expect(() => formatTime("yesterday")).toThrow('"yesterday" is not a date and time.');
    expect(() => formatExactUtc(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe("formatExactUtc and machineTime", () => {
  it("gives the exact UTC second for a title, and ISO 8601 for dateTime", () => {
    expect(formatExactUtc(at)).toBe("2026-12-01 20:09:27 UTC");
    expect(machineTime(new Date(at))).toBe(at);
    expect(machineTime("2026-12-01T21:09:27.123+01:00")).toBe(at);
  });
});

describe("formatTime across the year", () => {
  it("names every month the same way whatever the runtime's locale data", () => {
    const months = Array.from({ length: 12 }, (_, m) => formatTime(new Date(Date.UTC(2026, m, 15, 12)), { style: "date" }));
    expect(months).toEqual(["15 Jan 2026", "15 Feb 2026", "15 Mar 2026", "15 Apr 2026", "15 May 2026", "15 Jun 2026", "15 Jul 2026", "15 Aug 2026", "15 Sep 2026", "15 Oct 2026", "15 Nov 2026", "15 Dec 2026"]);
  });
});
