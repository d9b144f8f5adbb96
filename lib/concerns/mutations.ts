// Writes of concerns; each appends its catalog event in the same transaction. Each locks its subject's row
// (FOR SHARE) and checks its state there, so a concern and a close of its decision (or the opening of its
// release's vote) are ordered: a concern is either in place before the close reads the open ones, or refused.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { appendEvent } from "@/lib/record/append";
import { closeRefusal, raiseRefusal, type ConcernSubjectKind } from "@/lib/concerns/rules";
import { fail, ok, type Result } from "@/lib/result";

type SubjectRef = { kind: ConcernSubjectKind; id: string; spaceId: string; releaseId: string | null };

/** The subject's state under a share lock: a close or vote opening waits for this transaction, and it for them. */
async function lockedSubject(tx: Tx, subject: SubjectRef): Promise<{ status: string; closesAt?: Date } | null> {
  if (subject.kind === "decision") {
    const rows = await tx.$queryRaw<Array<{ status: string; closes_at: Date }>>`SELECT status::text AS status, closes_at FROM decisions WHERE id = ${subject.id} AND space_id = ${subject.spaceId} FOR SHARE`;
    return rows[0] ? { status: rows[0].status, closesAt: rows[0].closes_at } : null;
  }
  const rows = await tx.$queryRaw<Array<{ status: string }>>`SELECT status::text AS status FROM releases WHERE id = ${subject.id} AND space_id = ${subject.spaceId} FOR SHARE`;
  return rows[0] ?? null;
}

/** The event subject: the concern, and what it is about (a release decision's concern names the release too). */
function eventSubject(concernId: string, subject: SubjectRef) {
  return subject.kind === "decision"
    ? { concernId, decisionId: subject.id, ...(subject.releaseId ? { releaseId: subject.releaseId } : {}) }
    : { concernId, releaseId: subject.id };
}

class Refused extends Error {
  constructor(readonly result: Result<never>) {
    super("refused");
  }
}

async function inTransaction<T>(fn: (tx: Tx) => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await db.$transaction(fn);
  } catch (error) {
    if (error instanceof Refused) return error.result;
    throw error;
  }
}

export async function raiseConcern(args: { subject: SubjectRef; actorId: string; title: string; body: string; blocks: boolean; now: Date }): Promise<Result<{ id: string; receipt: string }>> {
  const { subject, actorId, now } = args;
  return inTransaction(async (tx) => {
    const state = await lockedSubject(tx, subject);
    if (!state) throw new Refused(fail("NOT_FOUND", `No such ${subject.kind}.`, "not_found"));
    const refusal = raiseRefusal({ kind: subject.kind, ...state }, now);
    if (refusal) throw new Refused(fail(refusal.code, refusal.message, "conflict"));
    const concern = await tx.concern.create({
      data: {
        spaceId: subject.spaceId,
        ...(subject.kind === "decision" ? { decisionId: subject.id } : { releaseId: subject.id }),
        title: args.title,
        body: args.body,
        raisedById: actorId,
        raisedAt: now,
      },
      select: { id: true },
    });
    const event = await appendEvent(tx, {
      spaceId: subject.spaceId,
      actorId,
      type: "concern.raised",
      subject: eventSubject(concern.id, subject),
      data: { on: subject.kind, title: args.title, body: args.body, blocks: args.blocks },
      at: now,
    });
    return ok({ id: concern.id, receipt: event.receipt });
  });
}

/** Resolves (by its raiser) or overrides (by a steward) an open concern, once. */
export async function closeConcern(args: {
  concernId: string;
  subject: SubjectRef;
  actorId: string;
  to: "resolved" | "overridden";
  note: string | null;
  now: Date;
}): Promise<Result<{ receipt: string }>> {
  const { concernId, subject, actorId, to, note, now } = args;
  return inTransaction(async (tx) => {
    const state = await lockedSubject(tx, subject);
    if (!state) throw new Refused(fail("NOT_FOUND", "No such concern.", "not_found"));
    const refusal = closeRefusal({ kind: subject.kind, ...state }, now);
    if (refusal) throw new Refused(fail(refusal.code, refusal.message, "conflict"));
    const rows = await tx.$queryRaw<Array<{ title: string }>>`
      UPDATE concerns SET status = ${to}::"ConcernStatus", closed_by_id = ${actorId}, closed_at = ${now}, close_note = ${note}
      WHERE id = ${concernId} AND status = 'open'
      RETURNING title`;
    const title = rows[0]?.title;
    if (!title) throw new Refused(fail("CONCERN_CLOSED", "This concern is no longer open: it was resolved or overridden meanwhile.", "conflict"));
    const event =
      to === "resolved"
        ? await appendEvent(tx, { spaceId: subject.spaceId, actorId, type: "concern.resolved", subject: eventSubject(concernId, subject), data: { title, ...(note ? { note } : {}) }, at: now })
        : await appendEvent(tx, { spaceId: subject.spaceId, actorId, type: "concern.overridden", subject: eventSubject(concernId, subject), data: { title, reason: note ?? "" }, at: now });
    return ok({ receipt: event.receipt });
  });
}
