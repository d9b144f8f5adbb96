import { describe, expect, it } from "vitest";
import { closingPreview, localAfter, readLocal, withOffset } from "@/components/decisions/closing-time";

const now = new Date(2026, 11, 1, 20, 9); // local time, whatever the machine's zone
const local = (hoursLater: number) => localAfter(now, hoursLater);

describe("the closing-time field", () => {
  it("reads datetime-local values as local time and sends them with their offset", () => {
    const at = readLocal("2026-12-03T20:09")!;
    expect(at.getTime()).toBe(new Date(2026, 11, 3, 20, 9).getTime());
    expect(withOffset(at)).toMatch(/^2026-12-03T20:09:00[+-]\d{2}:\d{2}$/);
    expect(new Date(withOffset(at)).getTime()).toBe(at.getTime());
    expect(readLocal("")).toBeNull();
    expect(readLocal("tomorrow")).toBeNull();
  });

  it("rounds a suggested time up to five minutes", () => {
    expect(localAfter(now, 72)).toBe("2026-12-04T20:10");
  });

  it("previews a time inside the charter's window without a problem", () => {
    const preview = closingPreview({ value: local(80), minHours: 72, maxHours: 336, now });
    expect(preview.problem).toBeNull();
    expect(preview.text).toMatch(/^Closes Sat 5 Dec, 04:10 your time, 80 h \(3\.3 days\) from now; the charter requires at least 72 hours and allows at most 14 days\.$/);
  });

  it.each([
    [10, /only 10 h from now; the charter requires at least 72 hours/],
    [400, /400 h \(16.7 days\) from now; the charter allows at most 14 days/],
    [-1, /has passed/],
  ])("says what is wrong with a time %d hours away", (hours, problem) => {
    expect(closingPreview({ value: local(hours), minHours: 72, maxHours: 336, now }).problem).toMatch(problem);
  });

  it("explains the empty field: the charter's minimum", () => {
    expect(closingPreview({ value: "", minHours: 72, maxHours: 336, now })).toEqual({
      text: "Left empty, it closes 72 hours after opening: Fri 4 Dec, 20:09 your time, the charter's minimum.",
      problem: null,
    });
  });
});
