import { describe, expect, it } from "vitest";
import { parseSize } from "@/lib/releases/size";

describe("parseSize", () => {
  it.each([
    ["6.2 GB", 6_200_000_000],
    ["6.2GB", 6_200_000_000],
    ["6.2 gb", 6_200_000_000],
    ["512 MB", 512_000_000],
    ["1.5 GiB", 1.5 * 2 ** 30],
    ["1 KiB", 1024],
    ["3 kB", 3000],
    ["2 TB", 2e12],
    ["1 TiB", 2 ** 40],
    ["1234", 1234],
    ["  1234  ", 1234],
    ["6,200,000,000", 6_200_000_000],
    ["0", 0],
    ["10 bytes", 10],
    ["10 B", 10],
    [".5 MB", 500_000],
  ])("reads %j as %d bytes", (text, bytes) => {
    expect(parseSize(text)).toEqual({ ok: true, bytes });
  });

  it("rounds fractions of a unit to a whole byte", () => {
    expect(parseSize("1.0000000001 KB")).toEqual({ ok: true, bytes: 1000 });
  });

  it.each([
    ["", /is not a size/],
    ["big", /is not a size/],
    ["-5 GB", /is not a size/],
    ["6.2 GX", /“GX” is not a unit of size/],
    ["1.5", /whole number/],
    ["1.5 B", /whole number/],
    ["9999 PiB", /too large/],
    ["6.2 GB 3", /is not a size/],
  ])("refuses %j in a sentence", (text, message) => {
    const result = parseSize(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toMatch(message);
      expect(result.message).toMatch(/^[“A-Z].*\.$/);
    }
  });
});
