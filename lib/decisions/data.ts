// Reads of decisions and ballots, and the in-process cache of what a ballot needs (frozen at opening).
import "server-only";
import { db, queryRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { isRole, type Role } from "@/lib/roles";
import type { MethodParams, Voter, VotingMethod } from "@/lib/decisions/methods/types";
import type { DecisionKind } from "@/lib/charter/schema";
import { eligibleMap } from "@/lib/charter/eligible-voter";

const decisionSelect = {
  id: true,
  spaceId: true,
  title: true,
  question: true,
  kind: true,
  method: true,
  params: true,
  subject: true,
  releaseId: true,
  charterVersion: true,
  eligibility: true,
  eligibilityHash: true,
  opensAt: true,
  closesAt: true,
  status: true,
  outcome: true,
  closedAt: true,
  closedById: true,
  cancelReason: true,
  createdById: true,
  createdAt: true,
  space: { select: { slug: true, visibility: true } },
} as const;

export async function getDecision(id: string) {
  return db.decision.findUnique({ where: { id }, select: decisionSelect });
}
export type DecisionRow = NonNullable<Awaited<ReturnType<typeof getDecision>>>;

export async function listSpaceDecisions(spaceId: string, { take = 200, open = false }: { take?: number; open?: boolean } = {}) {
  // Open ones: those closing soonest, the order a list of open decisions shows them in.
  if (open) return db.decision.findMany({ where: { spaceId, status: "open" }, select: decisionSelect, orderBy: [{ closesAt: "asc" }, { id: "asc" }], take });
  return db.decision.findMany({ where: { spaceId }, select: decisionSelect, orderBy: { createdAt: "desc" }, take });
}

export async function listReleaseDecisions(releaseId: string) {
  return db.decision.findMany({ where: { releaseId }, select: decisionSelect, orderBy: { createdAt: "desc" } });
}

/** Decisions in a space still marked open although their closing time has passed. */
export async function listDueDecisionIds(spaceId: string, now: Date) {
  const rows = await db.decision.findMany({ where: { spaceId, status: "open", closesAt: { lte: now } }, select: { id: true } });
  return rows.map((row) => row.id);
}

export async function listBallots(decisionId: string) {
  return db.ballot.findMany({
    where: { decisionId },
    orderBy: [{ castAt: "asc" }, { voterId: "asc" }],
    select: { voterId: true, choice: true, reason: true, binding: true, castAt: true, receipt: true },
  });
}


export async function releaseLabels(ids: readonly string[]): Promise<Record<string, { label: string; status: string }>> {
  if (ids.length === 0) return {};
  const releases = await db.release.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, modelName: true, version: true, status: true } });
  return Object.fromEntries(releases.map((r) => [r.id, { label: `${r.modelName} ${r.version}`, status: r.status }]));
}

export async function releaseInSpace(releaseId: string, spaceId: string) {
  return db.release.findFirst({ where: { id: releaseId, spaceId }, select: { id: true, status: true, modelName: true, version: true } });
}

/**
 * What a ballot needs, none of which changes after opening; status is checked by the write itself. Nothing
 * that can change belongs here (the space's visibility, the voter's membership): see voterStanding.
 */
export type VotingInfo = {
  id: string;
  spaceId: string;
  spaceSlug: string;
  kind: DecisionKind;
  method: VotingMethod;
  params: MethodParams;
  releaseId: string | null;
  closesAt: Date;
  binding: ReadonlyMap<string, boolean>;
};

// Eligibility is frozen at opening, so caching it is safe, in every bundle and every instance alike (no
// invalidation needed); a bounded map keeps memory flat. On globalThis so route handlers and server actions,
// which Next bundles separately, share one.
const globalCache = globalThis as unknown as {
  commonweightsVotingCache?: Map<string, VotingInfo>;
  commonweightsStandingCache?: Map<string, VoterStanding>;
};
const votingCache: Map<string, VotingInfo> = (globalCache.commonweightsVotingCache ??= new Map());
const VOTING_CACHE_SIZE = 500;

export async function getVotingInfo(id: string): Promise<VotingInfo | null> {
  const cached = votingCache.get(id);
  if (cached) return cached;
  const row = await db.decision.findUnique({
    where: { id },
    select: { id: true, spaceId: true, kind: true, method: true, params: true, releaseId: true, closesAt: true, eligibility: true, space: { select: { slug: true } } },
  });
  if (!row) return null;
  const binding = eligibleMap(row.eligibility as Voter[]);
  const info: VotingInfo = {
    id: row.id,
    spaceId: row.spaceId,
    spaceSlug: row.space.slug,
    kind: row.kind as DecisionKind,
    method: row.method as VotingMethod,
    params: row.params as MethodParams,
    releaseId: row.releaseId,
    closesAt: row.closesAt,
    binding,
  };
  if (votingCache.size >= VOTING_CACHE_SIZE) votingCache.delete(votingCache.keys().next().value as string);
  votingCache.set(id, info);
  return info;
}

/** standsFor: the people who arrived with the archive that an owner of this fork mapped the voter to (IdentityMapping). */
export type VoterStanding = { visibility: "public" | "private"; role: Role | null; mirrorOf: string | null; standsFor: string[] };

// The last standing read per (space, voter), so the ballot path can authorize without a read. It may be
// stale (a space made private, a member removed, on any instance): the ballot's write statement checks the
// same facts again and writes nothing if they changed, and a refusal, or a denial from the cache, is decided
// again on a fresh read. A stale entry can therefore only cost a retry, never let a ballot through. Mappings are
// only ever added, so a stale standsFor can only miss one: a NOT_ELIGIBLE from the cache is decided again too.
const standingCache: Map<string, VoterStanding> = (globalCache.commonweightsStandingCache ??= new Map());
const STANDING_CACHE_SIZE = 20_000;

export function cachedVoterStanding(spaceId: string, userId: string): VoterStanding | undefined {
  return standingCache.get(`${spaceId}:${userId}`);
}

/**
 * The space's visibility and the voter's role in it, read now: one statement on the spaces primary key, the
 * memberships (space_id, user_id) unique index and identity_mappings' (space_id, to_user_id) index. Remembered for
 * cachedVoterStanding.
 */
export async function voterStanding(spaceId: string, userId: string | null): Promise<VoterStanding | null> {
  const rows = await queryRows<{ visibility: string; role: string | null; mirror_of: string | null; stands_for: string[] }>(Prisma.sql`
    SELECT s.visibility::text AS visibility, m.role::text AS role,
           (SELECT o.instance || '/s/' || o.origin_slug FROM space_origins o WHERE o.space_id = s.id AND o.mode = 'mirror') AS mirror_of,
           ARRAY(SELECT i.from_user_id FROM identity_mappings i WHERE i.space_id = s.id AND i.to_user_id = ${userId} ORDER BY i.from_user_id) AS stands_for
    FROM spaces s LEFT JOIN memberships m ON m.space_id = s.id AND m.user_id = ${userId}
    WHERE s.id = ${spaceId}`);
  const row = rows[0];
  if (!row) return null;
  const standing: VoterStanding = {
    visibility: row.visibility === "public" ? "public" : "private",
    role: isRole(row.role) ? row.role : null,
    mirrorOf: row.mirror_of,
    standsFor: row.stands_for,
  };
  if (userId) {
    if (standingCache.size >= STANDING_CACHE_SIZE) standingCache.delete(standingCache.keys().next().value as string);
    standingCache.set(`${spaceId}:${userId}`, standing);
  }
  return standing;
}

export async function countBallotsOf(decisionIds: readonly string[]): Promise<Record<string, number>> {
  if (decisionIds.length === 0) return {};
  const groups = await db.ballot.groupBy({ by: ["decisionId"], where: { decisionId: { in: [...decisionIds] } }, _count: { _all: true } });
  return Object.fromEntries(groups.map((g) => [g.decisionId, g._count._all]));
}

export async function listSpaceReleases(spaceId: string) {
  const rows = await db.release.findMany({ where: { spaceId }, orderBy: { createdAt: "desc" }, select: { id: true, modelName: true, version: true, status: true }, take: 100 });
  return rows.map((r) => ({ id: r.id, label: `${r.modelName} ${r.version}`, status: r.status as string }));
}
