// The demo's discussions given every state an archive must carry, through the app's own use cases: an edited comment
// (two versions), a redacted one (its texts erased by a steward) and one deleted by its author.
import type { SeedContext } from "@/prisma/seed-community";

export type Moderated = { edited: string; redacted: string; deleted: string };

export async function moderateDemoThreads({ users, spaceId }: SeedContext): Promise<Moderated> {
  const { db } = await import("@/lib/db");
  const { editComment } = await import("@/lib/threads/use-cases/edit-comment");
  const { redactComment } = await import("@/lib/threads/use-cases/redact-comment");
  const { deleteComment } = await import("@/lib/threads/use-cases/delete-comment");
  const as = (id: string) => ({ id, name: null, email: null });
  const unwrap = <T>(result: { ok: true; data: T } | { ok: false; error: { message: string } }): T => {
    if (!result.ok) throw new Error(result.error.message);
    return result.data;
  };
  const mine = (authorId: string, where: Record<string, unknown> = {}) => db.comment.findFirstOrThrow({ where: { spaceId, authorId, ...where }, orderBy: { createdAt: "asc" } });
  const edited = (await mine(users.emil, { subjectKind: "release" })).id;
  unwrap(await editComment(as(users.emil), { commentId: edited, body: "Could the 13B also ship a 4-bit GGUF (Q4_K_M)? Many of us run it on laptops." }));
  const redacted = (await mine(users.farah, { state: "hidden" })).id;
  unwrap(await redactComment(as(users.chen), { commentId: redacted, reason: "Spam from a compromised account: the link is malicious" }));
  const deleted = (await mine(users.bruno, { subjectKind: "proposal", parentId: { not: null } })).id;
  unwrap(await deleteComment(as(users.bruno), { commentId: deleted }));
  return { edited, redacted, deleted };
}
