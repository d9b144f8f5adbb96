// Reviewing an audit report: never by its own author, whatever their role.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { getReportDetail, spaceSlugOf } from "@/lib/audits/data";
import { checkReviewComment } from "@/lib/audits/filing-rules";
import { reviewReport } from "@/lib/audits/mutations";
import { parseAuditInput, reviewReportInput } from "@/lib/audits/schema";
import { noReport, readableSpace } from "@/lib/audits/use-cases/audit-access";
import { refusalOf } from "@/lib/policy";
import { fail, ok, type Result } from "@/lib/result";
import { requireSpace } from "@/lib/spaces/access";

export async function reviewAuditReport(actor: Actor | null, raw: unknown): Promise<Result<{ reviewId: string; status: string; spaceSlug: string; receipt: string }>> {
  const parsed = parseAuditInput(reviewReportInput, raw);
  if (!parsed.ok) return parsed;
  const input = parsed.data;
  const found = await getReportDetail(input.reportId);
  if (!found) return noReport();
  const slug = await spaceSlugOf(found.spaceId);
  if (!slug) return noReport();
  const viewable = await readableSpace(actor, slug);
  if (!viewable) return noReport();
  if (!actor) return fail("UNAUTHENTICATED", "Sign in to review an audit report.", "unauthenticated");
  // The policy answers the report's own author first, even one whose role could review: a refusal returned
  // as a value; a role that may not review at all is refused (thrown) by requireSpace, with the same facts.
  const facts = { authorId: found.authorId };
  const own = refusalOf(actor, "audit.review", { space: { visibility: viewable.space.visibility, role: viewable.role }, ...facts });
  if (own && !own.ok && own.error.code === "OWN_REPORT") return own;
  const access = await requireSpace(actor, slug, "audit.review", facts);
  const comment = checkReviewComment(input);
  if (!comment.ok) return fail(comment.code, comment.message, "invalid", { comment: [comment.message] });
  const reviewed = await reviewReport({
    spaceId: access.space.id,
    releaseId: found.releaseId,
    reportId: found.id,
    reviewerId: actor.id,
    verdict: input.verdict,
    comment: input.comment,
  });
  return reviewed.ok ? ok({ ...reviewed.data, spaceSlug: slug }) : reviewed;
}
