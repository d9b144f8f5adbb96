// The fan-out job: one governance event -> the people who hear it, computed when the job runs (watches,
// preferences and visibility as they are then) -> inbox rows and e-mail jobs, in idempotent batches.
import "server-only";
import { mentionEventTypes } from "@/lib/jobs/catalog";
import { audienceOf, fanOutEvent, reminderFacts } from "@/lib/notifications/data";
import { fanOutMentions } from "@/lib/notifications/mentions";
import { writeNotifications, type NewNotification } from "@/lib/notifications/mutations";
import { channelFor, hears, mailStateFor, noticeFor, reminderNotice, STALE_AFTER_MS } from "@/lib/notifications/rules";

// A batch is one short transaction; a crash loses at most the batch in flight, which the retry redoes.
const BATCH = 1000;

async function writeInBatches(args: { spaceId: string; notice: Parameters<typeof writeNotifications>[0]["notice"]; itemIds: string[]; rows: NewNotification[] }): Promise<number> {
  let written = 0;
  for (let i = 0; i < args.rows.length; i += BATCH) {
    written += await writeNotifications({ ...args, rows: args.rows.slice(i, i + BATCH) });
  }
  return written;
}

/** Returns how many inbox rows this run wrote (0 on a retry that finds them all written). */
export async function fanOut(eventId: string, now = new Date()): Promise<number> {
  const event = await fanOutEvent(eventId);
  if (!event || now.getTime() - event.createdAt.getTime() > STALE_AFTER_MS) return 0;
  if (mentionEventTypes.has(event.type)) return fanOutMentions(event);
  const notice = noticeFor({ type: event.type, data: event.data, subject: event.subject, space: event.space, label: event.label });
  if (!notice) return 0;
  const itemIds = [event.subject.decisionId, event.subject.releaseId].filter((id): id is string => Boolean(id));
  const audience = await audienceOf({ spaceId: event.space.id, itemIds, kind: notice.kind });
  const rows: NewNotification[] = [];
  for (const person of audience) {
    const heard = hears({
      visibility: event.space.visibility,
      isMember: person.is_member,
      isActor: person.user_id === event.actorId,
      mentioned: false,
      spaceWatch: person.space_watch,
      itemWatch: person.item_watch,
    });
    const channel = channelFor(notice.kind, person.channel);
    if (!heard || channel === "off") continue;
    rows.push({ userId: person.user_id, dedupeKey: `event:${event.id}:${person.user_id}`, ...mailStateFor(channel) });
  }
  return writeInBatches({ spaceId: event.space.id, notice, itemIds, rows });
}

/** The reminder job: eligible voters, still members, who have not voted, 24 hours before the deadline. */
export async function remindVoters(decisionId: string, now = new Date()): Promise<number> {
  const facts = await reminderFacts(decisionId);
  if (!facts || facts.decision.status !== "open" || facts.decision.closesAt <= now) return 0;
  const notice = reminderNotice({ space: facts.space, decision: facts.decision, closesAt: facts.decision.closesAt });
  const rows: NewNotification[] = [];
  for (const voter of facts.voters) {
    const channel = channelFor("decision_reminder", voter.channel);
    if (channel === "off") continue;
    rows.push({ userId: voter.userId, dedupeKey: `reminder:${decisionId}:${voter.userId}`, ...mailStateFor(channel) });
  }
  return writeInBatches({ spaceId: facts.decision.spaceId, notice, itemIds: [decisionId], rows });
}
