// Filing an audit report on a release.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { getAuditRelease, spaceSlugOf } from "@/lib/audits/data";
import { checkReleaseAuditable } from "@/lib/audits/filing-rules";
import { fileReport } from "@/lib/audits/mutations";
import { fileReportInput, parseAuditInput } from "@/lib/audits/schema";
import { noRelease, readableSpace } from "@/lib/audits/use-cases/audit-access";
import { fail, ok, type Result } from "@/lib/result";
import { requireSpace } from "@/lib/spaces/access";

/**
 * Files a report on a release; when `spaceSlug` is given (the pages), the release must be that space's. A
 * release of another space, or of a private space the actor cannot see, answers like a missing one.
 */
export async function fileAuditReport(actor: Actor | null, raw: unknown): Promise<Result<{ reportId: string; spaceSlug: string; receipt: string }>> {
  const parsed = parseAuditInput(fileReportInput, raw);
  if (!parsed.ok) return parsed;
  const input = parsed.data;
  const release = await getAuditRelease(input.releaseId);
  if (!release) return noRelease();
  const slug = await spaceSlugOf(release.spaceId);
  if (!slug || (input.spaceSlug !== undefined && input.spaceSlug !== slug)) return noRelease();
  if (!(await readableSpace(actor, slug))) return noRelease();
  const access = await requireSpace(actor, slug, "audit.file");
  const auditable = checkReleaseAuditable(release.status);
  if (!auditable.ok) return fail(auditable.code, auditable.message, "rule");
  const filed = await fileReport({ spaceId: access.space.id, authorId: actor!.id, input });
  return filed.ok ? ok({ reportId: filed.data.reportId, spaceSlug: access.space.slug, receipt: filed.data.receipt }) : filed;
}
