// Reads of a space's discussions for its archive, inside the exporter's snapshot: proposals, concerns, comments and
// their versions. Never a comment's text: each version's text goes out beside its event in the record section.
import "server-only";
import type { Tx } from "@/lib/db";
import type { SectionName } from "@/lib/archive/format";

export async function readDiscussionRows(tx: Tx, spaceId: string): Promise<Array<[SectionName, object[]]>> {
  const proposals = await tx.proposal.findMany({ where: { spaceId }, omit: { spaceId: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const concerns = await tx.concern.findMany({ where: { spaceId }, omit: { spaceId: true }, orderBy: [{ raisedAt: "asc" }, { id: "asc" }] });
  const comments = await tx.comment.findMany({ where: { spaceId }, omit: { spaceId: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const versions = await tx.commentVersion.findMany({ where: { comment: { spaceId } }, orderBy: [{ commentId: "asc" }, { version: "asc" }] });
  return [
    ["proposals", proposals],
    ["concerns", concerns],
    ["comments", comments],
    ["comment_versions", versions],
  ];
}
