import { describe, expect, it } from "vitest";
import { coverageWording, gateHeadline } from "@/components/audits/gate-wording";

describe("gateHeadline", () => {
  it("promises a vote only before one has opened", () => {
    expect(gateHeadline({ blocked: false, status: "draft" })).toBe("Audits do not block this release: it can go to a vote.");
    expect(gateHeadline({ blocked: false, status: "in_review" })).toBe("Audits do not block this release: it can go to a vote.");
    expect(gateHeadline({ blocked: true, status: "in_review" })).toBe("Blocked by audits: this release cannot go to a vote yet.");
  });

  it("reports, without promising a vote, once the vote is open or past", () => {
    expect(gateHeadline({ blocked: false, status: "voting" })).toBe("No audit blocks this release; its vote is open.");
    expect(gateHeadline({ blocked: true, status: "voting" })).toBe("Audits now report blockers on this release; its vote is already open.");
    expect(gateHeadline({ blocked: false, status: "published" })).toBe("No audit blocks this published release.");
    expect(gateHeadline({ blocked: true, status: "yanked" })).toBe("Audits report blockers on this yanked release.");
    for (const status of ["voting", "approved", "rejected", "published", "deprecated", "yanked", "withdrawn"]) {
      expect(gateHeadline({ blocked: false, status })).not.toContain("can go to a vote");
    }
  });
});

describe("coverageWording", () => {
  it("shows a required category with no report as missing, in red", () => {
    expect(coverageWording("missing", true)).toEqual({ label: "missing", tone: "danger" });
  });

  it("shows an optional category with no report as neutral", () => {
    expect(coverageWording("missing", false)).toEqual({ label: "optional, none filed", tone: "neutral" });
  });

  it("keeps the state of filed reports whether required or not", () => {
    expect(coverageWording("accepted", false)).toEqual({ label: "accepted", tone: "brand" });
    expect(coverageWording("stale", true)).toEqual({ label: "stale", tone: "warn" });
    expect(coverageWording("pending", true)).toEqual({ label: "pending", tone: "info" });
  });
});
