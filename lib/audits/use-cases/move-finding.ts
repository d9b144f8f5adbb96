// Moving a finding through its lifecycle.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { getFindingContext, spaceSlugOf } from "@/lib/audits/data";
import { transitionFinding } from "@/lib/audits/mutations";
import type { FindingStatus } from "@/lib/audits/rules";
import { parseAuditInput, transitionFindingInput } from "@/lib/audits/schema";
import { noFinding, readableSpace } from "@/lib/audits/use-cases/audit-access";
import { ok, type Result } from "@/lib/result";
import { requireSpace } from "@/lib/spaces/access";

export async function moveFinding(
  actor: Actor | null,
  raw: unknown,
): Promise<Result<{ findingId: string; reportId: string; from: FindingStatus; to: FindingStatus; spaceSlug: string; receipt: string }>> {
  const parsed = parseAuditInput(transitionFindingInput, raw);
  if (!parsed.ok) return parsed;
  const input = parsed.data;
  const finding = await getFindingContext(input.findingId);
  if (!finding) return noFinding();
  const slug = await spaceSlugOf(finding.report.spaceId);
  if (!slug || !(await readableSpace(actor, slug))) return noFinding();
  const access = await requireSpace(actor, slug, "finding.transition");
  const moved = await transitionFinding({
    spaceId: access.space.id,
    findingId: finding.id,
    actorId: actor!.id,
    actorRole: access.role!,
    to: input.status,
    note: input.note,
    evidence: input.evidence,
  });
  return moved.ok ? ok({ findingId: finding.id, reportId: finding.reportId, ...moved.data, spaceSlug: slug }) : moved;
}
