// Reads of threads and proposals. A comment's text comes from record_texts, through the version that committed to it.
import "server-only";
import { db } from "@/lib/db";
import type { CommentState, ThreadSubject, ThreadSubjectKind } from "@/lib/threads/rules";

const commentColumns = {
  id: true,
  spaceId: true,
  subjectKind: true,
  subjectId: true,
  parentId: true,
  authorId: true,
  state: true,
  hiddenReason: true,
  mentions: true,
  redactedAt: true,
  redactionReason: true,
  createdAt: true,
  editedAt: true,
  versions: { select: { version: true, eventId: true, createdAt: true }, orderBy: { version: "asc" } },
} as const;

export type CommentVersionRow = { version: number; at: Date; body: string | null };
export type CommentRow = {
  id: string;
  spaceId: string;
  subjectKind: ThreadSubjectKind;
  subjectId: string;
  parentId: string | null;
  authorId: string;
  state: CommentState;
  hiddenReason: string | null;
  mentions: string[];
  redactedAt: Date | null;
  redactionReason: string | null;
  createdAt: Date;
  editedAt: Date | null;
  /** The current text (null once deleted or redacted) and every version's, oldest first. */
  body: string | null;
  versions: CommentVersionRow[];
};

type Raw = Awaited<ReturnType<typeof rawComments>>[number];

function rawComments(where: { id?: string; spaceId?: string; subjectKind?: string; subjectId?: string }) {
  return db.comment.findMany({ where, select: commentColumns, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

async function withTexts(rows: Raw[]): Promise<CommentRow[]> {
  const eventIds = rows.flatMap((r) => r.versions.map((v) => v.eventId));
  const texts = eventIds.length ? await db.recordText.findMany({ where: { eventId: { in: eventIds } }, select: { eventId: true, body: true } }) : [];
  const bodyOf = new Map(texts.map((t) => [t.eventId, t.body]));
  return rows.map(({ versions, ...r }) => {
    const shown = versions.map((v) => ({ version: v.version, at: v.createdAt, body: bodyOf.get(v.eventId) ?? null }));
    return { ...r, subjectKind: r.subjectKind as ThreadSubjectKind, state: r.state as CommentState, body: shown.at(-1)?.body ?? null, versions: shown };
  });
}

export async function listThreadComments(spaceId: string, subject: ThreadSubject): Promise<CommentRow[]> {
  return withTexts(await rawComments({ spaceId, subjectKind: subject.kind, subjectId: subject.id }));
}

export async function getComment(commentId: string): Promise<(CommentRow & { eventIds: string[] }) | null> {
  const [row] = await rawComments({ id: commentId });
  if (!row) return null;
  const [shown] = await withTexts([row]);
  return { ...shown!, eventIds: row.versions.map((v) => v.eventId) };
}

/** Visible comments per subject id, for the counts on lists (one grouped query). */
export async function commentCounts(spaceId: string, kind: ThreadSubjectKind, ids: string[]): Promise<Record<string, number>> {
  if (ids.length === 0) return {};
  const rows = await db.comment.groupBy({ by: ["subjectId"], where: { spaceId, subjectKind: kind, subjectId: { in: ids }, state: "visible", redactedAt: null }, _count: { _all: true } });
  return Object.fromEntries(rows.map((r) => [r.subjectId, r._count._all]));
}

/** The space's members with their display names: who can be mentioned. */
export async function mentionableMembers(spaceId: string) {
  const rows = await db.membership.findMany({ where: { spaceId }, select: { userId: true, user: { select: { name: true } } }, orderBy: { joinedAt: "asc" } });
  return rows.map((r) => ({ userId: r.userId, name: r.user.name?.trim() ?? "" })).filter((m) => m.name !== "");
}

const proposalColumns = { id: true, spaceId: true, title: true, decisionId: true, releaseId: true, createdById: true, createdAt: true } as const;

export async function getProposal(proposalId: string) {
  return db.proposal.findUnique({ where: { id: proposalId }, select: { ...proposalColumns, space: { select: { slug: true } } } });
}

export async function proposalInSpace(proposalId: string, spaceId: string) {
  return db.proposal.findFirst({ where: { id: proposalId, spaceId }, select: proposalColumns });
}

export async function listProposals(spaceId: string) {
  return db.proposal.findMany({ where: { spaceId }, select: proposalColumns, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 200 });
}

export async function labelsOf(spaceId: string, { decisionIds, releaseIds }: { decisionIds: string[]; releaseIds: string[] }) {
  const [decisions, releases] = await Promise.all([
    decisionIds.length ? db.decision.findMany({ where: { spaceId, id: { in: decisionIds } }, select: { id: true, title: true, status: true } }) : [],
    releaseIds.length ? db.release.findMany({ where: { spaceId, id: { in: releaseIds } }, select: { id: true, modelName: true, version: true } }) : [],
  ]);
  return {
    decisions: Object.fromEntries(decisions.map((d) => [d.id, { title: d.title, status: d.status as string }])),
    releases: Object.fromEntries(releases.map((r) => [r.id, `${r.modelName} ${r.version}`])),
  };
}

export async function releaseInSpace(releaseId: string, spaceId: string) {
  return db.release.findFirst({ where: { id: releaseId, spaceId }, select: { id: true } });
}

// What a thread is about: each subject kind's lookup of its space, title and page. A new kind of subject gets a
// thread by adding its lookup here and rendering a <Thread> where it is shown.
export type ResolvedSubject = { spaceId: string; spaceSlug: string; title: string; path: string };

type Lookup = (id: string) => Promise<ResolvedSubject | null>;

const space = { select: { slug: true } } as const;

const lookups: Record<ThreadSubjectKind, Lookup> = {
  async release(id) {
    const r = await db.release.findUnique({ where: { id }, select: { spaceId: true, modelName: true, version: true, space } });
    return r && { spaceId: r.spaceId, spaceSlug: r.space.slug, title: `${r.modelName} ${r.version}`, path: `/s/${r.space.slug}/releases/${id}` };
  },
  async audit(id) {
    const a = await db.auditReport.findUnique({ where: { id }, select: { spaceId: true, category: true, release: { select: { modelName: true, version: true, space } } } });
    return a && { spaceId: a.spaceId, spaceSlug: a.release.space.slug, title: `${a.category} audit of ${a.release.modelName} ${a.release.version}`, path: `/s/${a.release.space.slug}/audits/${id}` };
  },
  async decision(id) {
    const d = await db.decision.findUnique({ where: { id }, select: { spaceId: true, title: true, space } });
    return d && { spaceId: d.spaceId, spaceSlug: d.space.slug, title: d.title, path: `/s/${d.space.slug}/decisions/${id}` };
  },
  async proposal(id) {
    const p = await db.proposal.findUnique({ where: { id }, select: { spaceId: true, title: true, space } });
    return p && { spaceId: p.spaceId, spaceSlug: p.space.slug, title: p.title, path: `/s/${p.space.slug}/proposals/${id}` };
  },
  // A concern's thread lives on the page of its decision or release, where the concern is listed (anchor #concern-<id>).
  async concern(id) {
    const c = await db.concern.findUnique({ where: { id }, select: { spaceId: true, title: true, decisionId: true, releaseId: true, space } });
    if (!c) return null;
    const on = c.decisionId ? `decisions/${c.decisionId}` : `releases/${c.releaseId}`;
    return { spaceId: c.spaceId, spaceSlug: c.space.slug, title: c.title, path: `/s/${c.space.slug}/${on}#concern-${id}` };
  },
};

/** The subject's space and title, or null when it does not exist (the caller answers 404 either way). */
export function resolveSubject(subject: ThreadSubject): Promise<ResolvedSubject | null> {
  return lookups[subject.kind](subject.id);
}
