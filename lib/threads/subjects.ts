// What a thread is about: each subject kind's lookup of its space, title and page. A new kind of subject (a
// concern, say) gets a thread by adding its lookup here and rendering components/threads/thread.tsx on its page.
import "server-only";
import { db } from "@/lib/db";
import type { ThreadSubject, ThreadSubjectKind } from "@/lib/threads/rules";

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
  // Concerns (issue 14, item 3) bring their own table; until their lookup is added here, their threads answer 404.
  async concern() {
    return null;
  },
};

/** The subject's space and title, or null when it does not exist (the caller answers 404 either way). */
export function resolveSubject(subject: ThreadSubject): Promise<ResolvedSubject | null> {
  return lookups[subject.kind](subject.id);
}
