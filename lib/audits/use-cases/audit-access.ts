// Finding a release, report or finding for an audit use case: a private space the reader cannot see answers
// exactly like an id that does not exist.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { getReportDetail, spaceSlugOf } from "@/lib/audits/data";
import { DomainError, fail } from "@/lib/result";
import { requireSpace } from "@/lib/spaces/access";

export const noRelease = () => fail("RELEASE_NOT_FOUND", "There is no such release.", "not_found");
export const noReport = () => fail("REPORT_NOT_FOUND", "There is no such audit report.", "not_found");
export const noFinding = () => fail("FINDING_NOT_FOUND", "There is no such finding.", "not_found");

/**
 * The space of a release, report or finding, if this reader may see it; null for a private space they cannot
 * see, so the caller answers exactly as for an id that does not exist (never "No such space.").
 */
export async function readableSpace(actor: Actor | null, slug: string) {
  try {
    return await requireSpace(actor, slug, "audit.view");
  } catch (error) {
    if (error instanceof DomainError && error.kind === "not_found") return null;
    throw error;
  }
}

export async function reportInSpace(actor: Actor | null, reportId: string, action: "audit.view" | "audit.review") {
  const report = await getReportDetail(reportId);
  if (!report) return null;
  const slug = await spaceSlugOf(report.spaceId);
  if (!slug || !(await readableSpace(actor, slug))) return null;
  const access = await requireSpace(actor, slug, action);
  return { report, access };
}
