// A release's audit coverage, gate and reports, with whether the reader may file one.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { getAuditRelease, spaceSlugOf } from "@/lib/audits/data";
import { releaseAuditState } from "@/lib/audits/release-gate";
import { noRelease, readableSpace } from "@/lib/audits/use-cases/audit-access";
import { currentCharter } from "@/lib/charter/data";
import { can } from "@/lib/policy";
import { ok } from "@/lib/result";

/** A release's coverage, gate and reports, for the API and the release page. */
export async function releaseAudits(actor: Actor | null, releaseId: string) {
  const release = await getAuditRelease(releaseId);
  if (!release) return noRelease();
  const slug = await spaceSlugOf(release.spaceId);
  if (!slug) return noRelease();
  const access = await readableSpace(actor, slug);
  if (!access) return noRelease();
  const [state, { charter }] = await Promise.all([releaseAuditState(releaseId), currentCharter(release.spaceId)]);
  if (!state) return noRelease();
  const space = { visibility: access.space.visibility, role: access.role };
  const canFile = can(actor, "audit.file", { space, charter }).allow;
  return ok({ release, spaceSlug: slug, role: access.role, canFile, ...state });
}
