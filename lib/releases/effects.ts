// What decisions do to releases: called by the decisions module inside ITS transaction, so the vote and the
// release change commit together. Each effect appends its own record event.
import "server-only";
import type { Tx } from "@/lib/db";
import { appendEvent } from "@/lib/record/append";
import { fail, ok, type Result } from "@/lib/result";
import { parseLicenseExpression } from "@/lib/licensing/spdx";
import { sortedDigests } from "@/lib/releases/rules";

async function lockRelease(tx: Tx, releaseId: string) {
  await tx.$queryRaw`SELECT id FROM releases WHERE id = ${releaseId} FOR UPDATE`;
  return tx.release.findUnique({
    where: { id: releaseId },
    select: { id: true, spaceId: true, status: true, artifacts: { select: { digest: true } } },
  });
}

/** in_review -> voting: freezes the artifact digests the vote is about. The caller has checked the audit gate. */
export async function startReleaseVote(
  tx: Tx,
  args: { releaseId: string; decisionId: string; actorId: string },
): Promise<Result<{ votedDigests: string[] }>> {
  const release = await lockRelease(tx, args.releaseId);
  if (!release) return fail("RELEASE_NOT_FOUND", "No such release.", "not_found");
  if (release.status !== "in_review") {
    return fail("RELEASE_NOT_IN_REVIEW", `A vote can only open on a release in review; this one is ${release.status.replace("_", " ")}.`, "rule");
  }
  if (release.artifacts.length === 0) return fail("NO_ARTIFACTS", "The release has no artifacts to vote on.", "rule");
  const votedDigests = sortedDigests(release.artifacts.map((a) => a.digest));
  const now = new Date();
  await tx.release.update({ where: { id: release.id }, data: { status: "voting", votedDigests, votingOpenedAt: now } });
  await appendEvent(tx, {
    spaceId: release.spaceId,
    actorId: args.actorId,
    type: "release.voting_opened",
    subject: { releaseId: release.id, decisionId: args.decisionId },
    data: { from: "in_review", to: "voting", votedDigests },
  });
  return ok({ votedDigests });
}

/** voting -> approved or rejected, from the outcome of the release decision. */
export async function applyReleaseOutcome(
  tx: Tx,
  args: { releaseId: string; decisionId: string; passed: boolean; actorId: string | null },
): Promise<void> {
  const release = await lockRelease(tx, args.releaseId);
  if (!release) throw new Error(`applyReleaseOutcome: no release ${args.releaseId}`);
  if (release.status !== "voting") throw new Error(`applyReleaseOutcome: release ${args.releaseId} is ${release.status}, not voting`);
  const to = args.passed ? "approved" : "rejected";
  await tx.release.update({ where: { id: release.id }, data: { status: to } });
  await appendEvent(tx, {
    spaceId: release.spaceId,
    actorId: args.actorId,
    subject: { releaseId: release.id, decisionId: args.decisionId },
    ...(args.passed ? ({ type: "release.approved", data: { from: "voting", to: "approved" } } as const) : ({ type: "release.rejected", data: { from: "voting", to: "rejected" } } as const)),
  });
}

/** A licensing decision's outcome: the license of one MOF component, or of every included one. */
export async function applyLicenseOutcome(
  tx: Tx,
  args: { releaseId: string; component: string | null; license: string; decisionId: string; actorId: string | null },
): Promise<void> {
  const release = await lockRelease(tx, args.releaseId);
  if (!release) throw new Error(`applyLicenseOutcome: no release ${args.releaseId}`);
  const parsed = parseLicenseExpression(args.license);
  if (!parsed.ok) throw new Error(`applyLicenseOutcome: ${parsed.message}`);
  const license = parsed.value.expression;
  let components: string[];
  if (args.component === null) {
    const updated = await tx.releaseComponent.findMany({ where: { releaseId: release.id, included: true }, select: { component: true } });
    await tx.releaseComponent.updateMany({ where: { releaseId: release.id, included: true }, data: { license, licenseName: null, licenseUrl: null } });
    components = updated.map((c) => c.component);
  } else {
    await tx.releaseComponent.upsert({
      where: { releaseId_component: { releaseId: release.id, component: args.component } },
      update: { license, licenseName: null, licenseUrl: null },
      create: { releaseId: release.id, component: args.component, included: true, license },
    });
    components = [args.component];
  }
  await appendEvent(tx, {
    spaceId: release.spaceId,
    actorId: args.actorId,
    type: "release.license_decided",
    subject: { releaseId: release.id, decisionId: args.decisionId },
    data: { component: args.component, components, license },
  });
}

/** A cancelled release decision: voting -> in_review, and the frozen digests are released. */
export async function cancelReleaseVote(tx: Tx, args: { releaseId: string; decisionId: string; actorId: string }): Promise<void> {
  const release = await lockRelease(tx, args.releaseId);
  if (!release) throw new Error(`cancelReleaseVote: no release ${args.releaseId}`);
  if (release.status !== "voting") return;
  await tx.release.update({ where: { id: release.id }, data: { status: "in_review", votedDigests: [], votingOpenedAt: null } });
  await appendEvent(tx, {
    spaceId: release.spaceId,
    actorId: args.actorId,
    type: "release.voting_cancelled",
    subject: { releaseId: release.id, decisionId: args.decisionId },
    data: { from: "voting", to: "in_review" },
  });
}
