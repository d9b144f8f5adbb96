// Reads of concerns and of the subjects they are about (a decision or a release), parameterised, no session access.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { parseCharter, type DecisionKind } from "@/lib/charter/rules";
import type { ConcernBlock, ConcernStatus, ConcernSubjectKind, OpenConcern } from "@/lib/concerns/rules";
import { userNames } from "@/lib/users/data";
import { publicName } from "@/lib/users/public-name";

/** What a concern's subject is, as the use cases check it: where it lives, its state, and who votes bindingly. */
export type ConcernSubject = {
  kind: ConcernSubjectKind;
  id: string;
  spaceId: string;
  spaceSlug: string;
  status: string;
  /** A decision's kind; a release's concerns follow the release kind. */
  decisionKind: DecisionKind;
  /** A decision's closing time. */
  closesAt?: Date;
  /** A decision's frozen voters; undefined for a release (the charter's release roles decide). */
  eligibility?: Array<{ userId: string; binding: boolean }>;
  charterVersion?: number;
  /** A release decision's release. */
  releaseId: string | null;
  label: string;
};

export async function concernSubject(kind: ConcernSubjectKind, id: string): Promise<ConcernSubject | null> {
  if (kind === "decision") {
    const row = await db.decision.findUnique({
      where: { id },
      select: { id: true, spaceId: true, status: true, kind: true, closesAt: true, eligibility: true, charterVersion: true, releaseId: true, title: true, space: { select: { slug: true } } },
    });
    if (!row) return null;
    return {
      kind,
      id: row.id,
      spaceId: row.spaceId,
      spaceSlug: row.space.slug,
      status: row.status,
      decisionKind: row.kind as DecisionKind,
      closesAt: row.closesAt,
      eligibility: (row.eligibility ?? []) as ConcernSubject["eligibility"],
      charterVersion: row.charterVersion,
      releaseId: row.releaseId,
      label: row.title,
    };
  }
  const row = await db.release.findUnique({
    where: { id },
    select: { id: true, spaceId: true, status: true, modelName: true, version: true, space: { select: { slug: true } } },
  });
  if (!row) return null;
  return { kind, id: row.id, spaceId: row.spaceId, spaceSlug: row.space.slug, status: row.status, decisionKind: "release", releaseId: null, label: `${row.modelName} ${row.version}` };
}

const concernColumns = {
  id: true,
  spaceId: true,
  decisionId: true,
  releaseId: true,
  title: true,
  body: true,
  status: true,
  raisedById: true,
  raisedAt: true,
  closedById: true,
  closedAt: true,
  closeNote: true,
} as const;

export type ConcernRow = {
  id: string;
  spaceId: string;
  decisionId: string | null;
  releaseId: string | null;
  title: string;
  body: string;
  status: ConcernStatus;
  raisedById: string;
  raisedAt: Date;
  closedById: string | null;
  closedAt: Date | null;
  closeNote: string | null;
};

export async function getConcern(id: string): Promise<ConcernRow | null> {
  return db.concern.findUnique({ where: { id }, select: concernColumns });
}

const subjectWhere = (kind: ConcernSubjectKind, id: string) => (kind === "decision" ? { decisionId: id } : { releaseId: id });

/** A subject's concerns, open ones first, then the closed ones; oldest first within each. */
export async function listConcerns(kind: ConcernSubjectKind, id: string): Promise<ConcernRow[]> {
  const rows = await db.concern.findMany({ where: subjectWhere(kind, id), select: concernColumns, orderBy: [{ raisedAt: "asc" }, { id: "asc" }] });
  return [...rows.filter((r) => r.status === "open"), ...rows.filter((r) => r.status !== "open")];
}

/** Open concerns per subject id, for lists (one grouped query). */
export async function openConcernCounts(kind: ConcernSubjectKind, ids: readonly string[]): Promise<Record<string, number>> {
  if (ids.length === 0) return {};
  const column = kind === "decision" ? "decisionId" : "releaseId";
  const groups = await db.concern.groupBy({ by: [column], where: { [column]: { in: [...ids] }, status: "open" }, _count: { _all: true } });
  return Object.fromEntries(groups.map((g) => [g[column] ?? "", g._count._all]));
}

type Reader = Pick<Tx, "concern" | "user" | "charterVersion">;

/** The titles and raisers of the open concerns on a decision (and, for a release decision, on its release). */
async function openConcerns(reader: Reader, decisionId: string, releaseId: string | null): Promise<OpenConcern[]> {
  const rows = await reader.concern.findMany({
    where: { status: "open", OR: [{ decisionId }, ...(releaseId ? [{ releaseId }] : [])] },
    select: { title: true, raisedById: true },
    orderBy: [{ raisedAt: "asc" }, { id: "asc" }],
  });
  const users = await reader.user.findMany({ where: { id: { in: rows.map((r) => r.raisedById) } }, select: { id: true, name: true } });
  const names = new Map(users.map((u) => [u.id, publicName(u)]));
  return rows.map((r) => ({ title: r.title, raisedBy: names.get(r.raisedById) ?? "someone" }));
}

/**
 * What open concerns mean for a decision: the concernsBlock of its kind in the charter version it opened under,
 * and the concerns open now. Called by the close inside its transaction (so `reader` is that transaction).
 */
export async function concernBlockOf(
  reader: Reader,
  decision: { id: string; spaceId: string; kind: string; charterVersion: number; releaseId: string | null },
): Promise<ConcernBlock> {
  const row = decision.charterVersion > 0
    ? await reader.charterVersion.findUnique({ where: { spaceId_version: { spaceId: decision.spaceId, version: decision.charterVersion } }, select: { charter: true } })
    : null;
  const parsed = row ? parseCharter(row.charter) : null;
  const blocks = parsed?.ok ? (parsed.value.decisions[decision.kind as DecisionKind]?.concernsBlock ?? false) : false;
  return { blocks, open: blocks ? await openConcerns(reader, decision.id, decision.kind === "release" ? decision.releaseId : null) : [] };
}

/** The same outside a transaction, for the decision page's live tally. */
export const decisionConcernBlock = (decision: Parameters<typeof concernBlockOf>[1]) => concernBlockOf(db, decision);

/** The open concerns on a release, for the gate that keeps a release in review from going to a vote. */
export async function openReleaseConcerns(releaseId: string): Promise<OpenConcern[]> {
  const rows = await db.concern.findMany({ where: { releaseId, status: "open" }, select: { title: true, raisedById: true }, orderBy: [{ raisedAt: "asc" }, { id: "asc" }] });
  const names = await userNames(rows.map((r) => r.raisedById));
  return rows.map((r) => ({ title: r.title, raisedBy: names[r.raisedById] ?? "someone" }));
}
