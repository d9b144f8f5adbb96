// Writes an archive's discussions (proposals, concerns, comments and their versions) inside the import's or a mirror's
// catch-up transaction, ids unchanged. Their texts arrive with the record's events (insert-record.ts), where the
// origin still held them.
import "server-only";
import type { Tx } from "@/lib/db";
import type { ArchiveRows } from "@/lib/archive/rows";

/** After the decisions and releases they hang on (a concern's foreign keys restrict). */
export async function insertDiscussionRows(tx: Tx, rows: ArchiveRows, spaceId: string): Promise<void> {
  await tx.proposal.createMany({ data: rows.proposals.map((p) => ({ ...p, spaceId })) });
  await tx.concern.createMany({ data: rows.concerns.map((c) => ({ ...c, spaceId })) });
  await tx.comment.createMany({ data: rows.comments.map((c) => ({ ...c, spaceId })) });
  await tx.commentVersion.createMany({ data: rows.comment_versions });
  await eraseErasedTexts(tx, spaceId);
}

/**
 * A following mirror holds the texts of events it took earlier; when the origin has since deleted or redacted a
 * comment (its new rows say so), those texts go here too, so the mirror shows and exports what the origin does.
 */
async function eraseErasedTexts(tx: Tx, spaceId: string): Promise<void> {
  await tx.$executeRaw`
    DELETE FROM record_texts WHERE event_id IN (
      SELECT v.event_id FROM comment_versions v JOIN comments c ON c.id = v.comment_id
      WHERE c.space_id = ${spaceId} AND (c.state = 'deleted' OR c.redacted_at IS NOT NULL))`;
}

/** Children first, before the decisions and releases they hang on, so a newer archive's rows can replace them. */
export async function deleteDiscussionRows(tx: Tx, spaceId: string): Promise<void> {
  await tx.commentVersion.deleteMany({ where: { comment: { spaceId } } });
  await tx.comment.deleteMany({ where: { spaceId } });
  await tx.concern.deleteMany({ where: { spaceId } });
  await tx.proposal.deleteMany({ where: { spaceId } });
}
