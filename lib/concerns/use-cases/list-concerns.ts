// A subject's concerns as pages and the API show them: each with its state, what the caller may do with it, whether
// open ones block, and whether (and if not, why not) the caller may raise one now.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { listConcerns } from "@/lib/concerns/data";
import { blockingSentence, isLive, raiseRefusal, releaseBlockSentence, type ConcernSubjectKind } from "@/lib/concerns/rules";
import type { ConcernListView } from "@/lib/concerns/schema";
import { concernsBlock, loadSubject, votesBindingly } from "@/lib/concerns/use-cases/load-subject";
import { can } from "@/lib/policy";
import { commentCounts } from "@/lib/threads/data";
import { userNames } from "@/lib/users/data";

export async function listSubjectConcerns(
  actor: Actor | null,
  input: { on: ConcernSubjectKind; subjectId: string; spaceSlug?: string },
  now = new Date(),
): Promise<ConcernListView> {
  const loaded = await loadSubject(actor, input.on, input.subjectId, input.spaceSlug);
  const { subject, space } = loaded;
  const [rows, blocks, binding] = await Promise.all([listConcerns(subject.kind, subject.id), concernsBlock(subject), votesBindingly(actor?.id, loaded)]);
  const [names, comments] = await Promise.all([userNames(rows.flatMap((r) => [r.raisedById, r.closedById])), commentCounts(space.id, "concern", rows.map((r) => r.id))]);
  const nameOf = (id: string) => names[id] ?? "someone";
  const resource = { space: loaded.facts };
  const live = isLive(subject, now);
  const open = rows.filter((r) => r.status === "open");
  const quoted = open.map((r) => ({ title: r.title, raisedBy: nameOf(r.raisedById) }));
  const policy = can(actor, "concern.raise", { ...resource, bindingVoter: binding });
  const state = raiseRefusal(subject, now);
  return {
    on: subject.kind,
    subjectId: subject.id,
    blocks,
    open: open.length,
    live,
    blocking: blocks && open.length > 0 && live ? (subject.kind === "decision" ? `${blockingSentence(quoted)}.` : releaseBlockSentence(quoted)) : null,
    raise: policy.allow ? (state ? { allowed: false, reason: state.message } : { allowed: true, reason: null }) : { allowed: false, reason: policy.message },
    concerns: rows.map((r) => ({
      id: r.id,
      on: subject.kind,
      subjectId: subject.id,
      title: r.title,
      body: r.body,
      status: r.status,
      raisedBy: { id: r.raisedById, name: nameOf(r.raisedById) },
      raisedAt: r.raisedAt.toISOString(),
      closedBy: r.closedById ? { id: r.closedById, name: nameOf(r.closedById) } : null,
      closedAt: r.closedAt?.toISOString() ?? null,
      closeNote: r.closeNote,
      comments: comments[r.id] ?? 0,
      you: {
        canResolve: live && r.status === "open" && can(actor, "concern.resolve", { ...resource, raisedById: r.raisedById }).allow,
        canOverride: live && r.status === "open" && can(actor, "concern.override", resource).allow,
      },
    })),
  };
}
