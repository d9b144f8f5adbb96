// Reads of releases: summaries for other modules, lists and full views for pages, and what a manifest needs.
import "server-only";
import { db } from "@/lib/db";
import type { ReleaseStatus } from "@/lib/releases/lifecycle";

export type ReleaseSummary = {
  id: string;
  spaceId: string;
  modelName: string;
  version: string;
  status: ReleaseStatus;
  artifactDigests: string[];
};

/** The contract other modules (audits, decisions) compile against. */
export async function getReleaseSummary(releaseId: string): Promise<ReleaseSummary | null> {
  const row = await db.release.findUnique({
    where: { id: releaseId },
    select: { id: true, spaceId: true, modelName: true, version: true, status: true, artifacts: { select: { digest: true }, orderBy: { digest: "asc" } } },
  });
  if (!row) return null;
  const { artifacts, ...rest } = row;
  return { ...rest, artifactDigests: artifacts.map((a) => a.digest) };
}

export async function listReleases(spaceId: string, filter: { status?: ReleaseStatus; model?: string; take?: number; skip?: number } = {}) {
  return db.release.findMany({
    where: { spaceId, ...(filter.status ? { status: filter.status } : {}), ...(filter.model ? { modelName: filter.model } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: filter.take ?? 200,
    skip: filter.skip ?? 0,
    select: {
      id: true,
      modelName: true,
      version: true,
      status: true,
      createdAt: true,
      publishedAt: true,
      _count: { select: { artifacts: true } },
      components: { select: { component: true, included: true, license: true } },
    },
  });
}

export async function listModelNames(spaceId: string): Promise<string[]> {
  const rows = await db.release.findMany({ where: { spaceId }, distinct: ["modelName"], select: { modelName: true }, orderBy: { modelName: "asc" } });
  return rows.map((r) => r.modelName);
}

const fullSelect = {
  id: true,
  spaceId: true,
  modelName: true,
  version: true,
  summary: true,
  changelog: true,
  previousReleaseId: true,
  baseModelRef: true,
  status: true,
  votedDigests: true,
  votingOpenedAt: true,
  publishedAt: true,
  createdById: true,
  createdAt: true,
  updatedAt: true,
  space: { select: { slug: true, name: true, visibility: true } },
  artifacts: { orderBy: { name: "asc" }, select: { name: true, kind: true, digest: true, sizeBytes: true, uri: true } },
  components: { select: { component: true, included: true, license: true, licenseName: true, licenseUrl: true } },
  links: { orderBy: { createdAt: "asc" }, select: { kind: true, reference: true, pinned: true, display: true, url: true } },
  previous: { select: { id: true, modelName: true, version: true } },
} as const;

export async function getRelease(releaseId: string) {
  return db.release.findUnique({ where: { id: releaseId }, select: fullSelect });
}

export type ReleaseView = NonNullable<Awaited<ReturnType<typeof getRelease>>>;

/** Releases of the space someone may name as the previous one (newest first). */
export async function lineageOptions(spaceId: string, excludeId?: string) {
  return db.release.findMany({
    where: { spaceId, ...(excludeId ? { id: { not: excludeId } } : {}) },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: { id: true, modelName: true, version: true },
  });
}

/** The closed release decision that decided this release, newest first: what the manifest cites. */
export async function closedReleaseDecision(releaseId: string) {
  return db.decision.findFirst({
    where: { releaseId, kind: "release", status: "closed" },
    orderBy: { closedAt: "desc" },
    select: { id: true, title: true, method: true, outcome: true, closedAt: true },
  });
}

/** The record events that approved and published the release, for the manifest's hashes. */
export async function releaseRecordEvents(releaseId: string) {
  return db.governanceEvent.findMany({
    where: {
      type: { in: ["release.approved", "release.published", "release.voting_opened"] },
      subject: { path: ["releaseId"], equals: releaseId },
    },
    orderBy: { id: "desc" },
    select: { type: true, hash: true, createdAt: true, subject: true },
  });
}

/** The space a release belongs to, so use cases can authorize against it. */
export async function releaseSpace(releaseId: string) {
  return db.release.findUnique({ where: { id: releaseId }, select: { id: true, status: true, createdById: true, space: { select: { slug: true } } } });
}

/** The latest withdrawal of a release from the record: who, when and why (older events may have no reason). */
export async function releaseWithdrawal(releaseId: string) {
  const event = await db.governanceEvent.findFirst({
    where: { type: "release.withdrawn", subject: { path: ["releaseId"], equals: releaseId } },
    orderBy: { id: "desc" },
    select: { actorId: true, createdAt: true, data: true },
  });
  if (!event) return null;
  const data = (event.data ?? {}) as { reason?: unknown };
  return { actorId: event.actorId, at: event.createdAt, reason: typeof data.reason === "string" ? data.reason : null };
}
