// Finding a thread or a comment for an actor: the subject's space, after the policy allowed the action there. A
// subject or comment in a space the actor cannot see answers exactly like a missing one.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import type { Action } from "@/lib/policy";
import { DomainError } from "@/lib/result";
import { requireSpace, type ResourceFacts } from "@/lib/spaces/access";
import { getComment, resolveSubject } from "@/lib/threads/data";
import type { ThreadSubject } from "@/lib/threads/rules";


const noSuchThread = () => new DomainError("NOT_FOUND", "No such thread.", "not_found");
const noSuchComment = () => new DomainError("NOT_FOUND", "No such comment.", "not_found");

async function as404<T>(check: () => Promise<T>, missing: () => DomainError): Promise<T> {
  try {
    return await check();
  } catch (error) {
    if (error instanceof DomainError && error.kind === "not_found") throw missing();
    throw error;
  }
}

export async function openThread(actor: Actor | null, subject: ThreadSubject, action: Action = "space.view") {
  const resolved = await resolveSubject(subject);
  if (!resolved) throw noSuchThread();
  const access = await as404(() => requireSpace(actor, resolved.spaceSlug, action), noSuchThread);
  return { ...access, subject: resolved };
}

/** The comment and its space after the policy allowed `action` on it (its author is a fact the policy reads). */
export async function openComment(actor: Actor | null, commentId: string, action: Action, facts: ResourceFacts = {}) {
  const comment = await getComment(commentId);
  if (!comment) throw noSuchComment();
  const subject = await resolveSubject({ kind: comment.subjectKind, id: comment.subjectId });
  if (!subject) throw noSuchComment();
  // Seeing the comment comes first, so a stranger to a private space hears "no such comment", not "only its author".
  await as404(() => requireSpace(actor, subject.spaceSlug, "space.view"), noSuchComment);
  const access = await requireSpace(actor, subject.spaceSlug, action, { authorId: comment.authorId, ...facts });
  return { ...access, comment, subject };
}
