// The fan-out of a comment's mentions: each member it names hears it (inbox, and e-mail by their choice for
// mentions), whatever they watch or muted. Names were matched against the space's members when the comment
// was written; here membership is checked again, so someone who has left since hears nothing, in any space.
import "server-only";
import { displayName, mentionedPeople, mentionThread, type FanOutEvent } from "@/lib/notifications/data";
import { writeNotifications, type NewNotification } from "@/lib/notifications/mutations";
import { channelFor, hears, mailStateFor, mentionNotice } from "@/lib/notifications/rules";

const mentionsOf = (data: Record<string, unknown>): string[] => (Array.isArray(data.mentions) ? data.mentions.filter((id): id is string => typeof id === "string") : []);

/** Returns how many inbox rows it wrote; an edit that names the same people again writes none (one per comment and person). */
export async function fanOutMentions(event: FanOutEvent): Promise<number> {
  const { commentId, threadKind, threadId } = event.subject;
  const userIds = mentionsOf(event.data);
  if (!commentId || !threadKind || !threadId || userIds.length === 0) return 0;
  const thread = await mentionThread({ spaceId: event.space.id, slug: event.space.slug, kind: threadKind, id: threadId });
  if (!thread) return 0;
  const [people, author] = await Promise.all([mentionedPeople({ spaceId: event.space.id, userIds }), displayName(event.actorId)]);
  const notice = mentionNotice({ author, space: event.space, thread });
  const rows: NewNotification[] = [];
  for (const person of people) {
    const facts = { visibility: event.space.visibility, isMember: person.is_member, isActor: person.user_id === event.actorId, mentioned: true, spaceWatch: null, itemWatch: null };
    if (!person.is_member || !hears(facts)) continue;
    const channel = channelFor("mention", person.channel);
    if (channel === "off") continue;
    rows.push({ userId: person.user_id, dedupeKey: `mention:${commentId}:${person.user_id}`, ...mailStateFor(channel) });
  }
  return rows.length === 0 ? 0 : writeNotifications({ spaceId: event.space.id, notice, itemIds: thread.itemIds, rows });
}
