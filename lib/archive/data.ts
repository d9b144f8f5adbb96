// Reads of everything a space archive holds, inside the exporter's snapshot transaction. Only the columns the archive
// publishes: never e-mails, tokens, sessions, invitations (their secrets' hashes) or join-request messages.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { identityHash, issuerOf } from "@/lib/auth/issuer";
import type { SectionName } from "@/lib/archive/format";
import { readDiscussionRows } from "@/lib/archive/discussion-data";

const at = { createdAt: true } as const;

/** The rows of every domain section, in the order the archive writes them. */
export async function readSpaceRows(tx: Tx, spaceId: string): Promise<Array<[SectionName, object[]]>> {
  const release = { release: { spaceId } };
  const report = { report: { spaceId } };
  const space = await tx.space.findUniqueOrThrow({
    where: { id: spaceId },
    select: { id: true, slug: true, name: true, description: true, visibility: true, homepageUrl: true, sourceUrl: true, hfOrg: true, ...at },
  });
  const members = await tx.membership.findMany({ where: { spaceId }, select: { userId: true, role: true, joinedAt: true }, orderBy: { joinedAt: "asc" } });
  const charters = await tx.charterVersion.findMany({ where: { spaceId }, select: { version: true, charter: true, reason: true, createdById: true, ...at }, orderBy: { version: "asc" } });
  const releases = await tx.release.findMany({
    where: { spaceId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true, modelName: true, version: true, summary: true, changelog: true, previousReleaseId: true, baseModelRef: true, status: true,
      votedDigests: true, votingOpenedAt: true, publishedAt: true, createdById: true, ...at, updatedAt: true,
    },
  });
  const artifacts = await tx.artifact.findMany({ where: release, orderBy: { id: "asc" }, select: { id: true, releaseId: true, name: true, kind: true, digest: true, sizeBytes: true, uri: true, ...at } });
  const components = await tx.releaseComponent.findMany({ where: release, orderBy: { id: "asc" } });
  const links = await tx.registryLink.findMany({ where: release, orderBy: { id: "asc" } });
  const audits = await tx.auditReport.findMany({
    where: { spaceId },
    orderBy: { createdAt: "asc" },
    select: { id: true, releaseId: true, authorId: true, category: true, methodology: true, summary: true, verdict: true, scopeDigests: true, evidence: true, ...at, updatedAt: true },
  });
  const findings = await tx.finding.findMany({ where: report, orderBy: [{ reportId: "asc" }, { number: "asc" }] });
  const transitions = await tx.findingTransition.findMany({ where: { finding: report }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const reviews = await tx.auditReview.findMany({ where: report, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const decisions = await tx.decision.findMany({ where: { spaceId }, orderBy: { createdAt: "asc" }, omit: { spaceId: true } });
  // castById only where set: an archive without such ballots reads as it did before the field was added.
  const ballots = (await tx.ballot.findMany({ where: { decision: { spaceId } }, orderBy: [{ castAt: "asc" }, { id: "asc" }] })).map(({ castById, ...ballot }) =>
    castById ? { ...ballot, castById } : ballot,
  );
  const people = await readPeople(tx, spaceId);
  return [
    ["space", [space]],
    ["people", people],
    ["members", members],
    ["charters", charters],
    ["releases", releases],
    ["artifacts", artifacts],
    ["components", components],
    ["links", links],
    ["audits", audits],
    ["findings", findings],
    ["finding_transitions", transitions],
    ["reviews", reviews],
    ["decisions", decisions],
    ["ballots", ballots],
    ...(await readDiscussionRows(tx, spaceId)),
  ];
}

/**
 * Everyone the space's rows and record name (actors, members, authors, voters): a display name and, to let them claim
 * their identity on another instance, the sha256 of each sign-in account's issuer and subject (docs/preserve-archive.md).
 */
async function readPeople(tx: Tx, spaceId: string) {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT actor_id AS id FROM governance_events WHERE space_id = ${spaceId} AND actor_id IS NOT NULL
    UNION SELECT subject->>'userId' FROM governance_events WHERE space_id = ${spaceId} AND subject ? 'userId'
    UNION SELECT user_id FROM memberships WHERE space_id = ${spaceId}
    UNION SELECT created_by_id FROM releases WHERE space_id = ${spaceId}
    UNION SELECT author_id FROM audit_reports WHERE space_id = ${spaceId}
    UNION SELECT created_by_id FROM decisions WHERE space_id = ${spaceId}`;
  const users = await tx.user.findMany({
    where: { id: { in: rows.map((r) => r.id) } },
    orderBy: { id: "asc" },
    select: { id: true, name: true, accounts: { select: { provider: true, providerAccountId: true } } },
  });
  return users.map((u) => ({ id: u.id, name: u.name, identities: u.accounts.map((a) => identityHash(issuerOf(a.provider), a.providerAccountId)).sort() }));
}

/** The log's signed checkpoints up to `size` and every key that signed one. */
export async function readCheckpoints(tx: Tx, logId: string, size: number) {
  const checkpoints = await tx.checkpoint.findMany({ where: { logId, size: { lte: size } }, orderBy: { size: "asc" }, select: { size: true, rootHash: true, timestamp: true, signature: true, keyId: true, origin: true, noteSignature: true } });
  const keys = await tx.signingKey.findMany({ where: { keyId: { in: [...new Set(checkpoints.map((c) => c.keyId))] } }, orderBy: { keyId: "asc" }, select: { keyId: true, publicKey: true } });
  return { checkpoints: checkpoints.map((c) => ({ ...c, timestamp: c.timestamp.toISOString() })), keys };
}

export async function hasQueued(tx: Tx, logId: string): Promise<boolean> {
  const [row] = await tx.$queryRaw<Array<{ queued: boolean }>>`SELECT EXISTS (SELECT 1 FROM event_queue WHERE log_id = ${logId}) AS queued`;
  return Boolean(row?.queued);
}

/** What a stopped mirror kept (lib/archive/mirror/mutations.ts writes it), in the parts its banner shows. */
export type KeptEvidence = {
  held: { size: number; rootHash: string };
  origin: { size: number; rootHash: string; timestamp?: string; keyId?: string };
  proof: { from: number; to: number; proof: string[] } | null;
};

function keptEvidence(json: unknown): KeptEvidence | null {
  const e = json as Partial<KeptEvidence> | null;
  if (typeof e?.held?.size !== "number" || typeof e.origin?.size !== "number") return null;
  const proof = e.proof && Array.isArray(e.proof.proof) ? e.proof : null;
  return { held: e.held, origin: e.origin, proof };
}

/** Where an imported space came from, for its pages' banner; null for a space made here. */
export async function spaceOriginOf(spaceId: string) {
  const origin = await db.spaceOrigin.findUnique({
    where: { spaceId },
    select: {
      mode: true, instance: true, originSlug: true, checkpointSize: true, rootHash: true, following: true, stoppedAt: true, stopReason: true, lastPulledAt: true,
      evidence: true,
    },
  });
  return origin ? { ...origin, evidence: keptEvidence(origin.evidence) } : null;
}

/** One repeatable-read snapshot for the whole export (rows, checkpoints and record agree), however long it streams. */
export function inSnapshot<T>(read: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(read, { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead, timeout: 30 * 60_000, maxWait: 10_000 });
}
