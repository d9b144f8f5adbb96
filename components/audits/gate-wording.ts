// Words for the audit gate and coverage, by release status: pure, so a unit test can read them.
import { isReleaseStatus, type ReleaseStatus } from "@/lib/releases/lifecycle";
import type { BadgeTone } from "@/components/ui/badge";

const beforeVote: readonly ReleaseStatus[] = ["draft", "in_review"];

/** The gate's headline. The gate only stops a release from going to a vote, so past that point it reports, not promises. */
export function gateHeadline({ blocked, status }: { blocked: boolean; status: string }): string {
  if (!isReleaseStatus(status) || beforeVote.includes(status)) {
    return blocked ? "Blocked by audits: this release cannot go to a vote yet." : "Audits do not block this release: it can go to a vote.";
  }
  if (status === "voting") {
    return blocked ? "Audits now report blockers on this release; its vote is already open." : "No audit blocks this release; its vote is open.";
  }
  const what = `this ${status} release`;
  return blocked ? `Audits report blockers on ${what}.` : `No audit blocks ${what}.`;
}

/** A coverage row's label and tone: a category the charter does not require is neutral when nothing is filed. */
export function coverageWording(status: string, required: boolean): { label: string; tone: BadgeTone } {
  if (status === "missing") return required ? { label: "missing", tone: "danger" } : { label: "optional, none filed", tone: "neutral" };
  const tones: Record<string, BadgeTone> = { accepted: "brand", pending: "info", stale: "warn" };
  return { label: status, tone: tones[status] ?? "neutral" };
}
