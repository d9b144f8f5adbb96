// The e-mail job and the digests: each checks again, when it sends, that the person may still hear it
// (a member who left a private space, or unwatched, or has voted meanwhile, gets nothing).
import "server-only";
import { sendMail } from "@/lib/mail/transport";
import { mailSettings } from "@/lib/mail/settings";
import { digestMail, notificationMail } from "@/lib/mail/templates";
import { pendingDigest } from "@/lib/notifications/data";
import { markDigested, markDigestSkipped, withPendingMail, type PendingMail } from "@/lib/notifications/mutations";
import { hears } from "@/lib/notifications/rules";

/** Whether a pending e-mail may still go: the rules of the fan-out, on the facts as they are now. */
export function stillAllowed(row: PendingMail): boolean {
  if (!row.email) return false;
  if (row.visibility !== "public" && !row.is_member) return false;
  // A reminder is for a voter who is still a member and still has not voted.
  if (row.kind === "decision_reminder") return row.is_member && !row.voted;
  // A mention is heard by members only (lib/notifications/mentions.ts): whoever left since gets no mail of it.
  if (row.kind === "mention") return row.is_member;
  return hears({
    visibility: row.visibility === "public" ? "public" : "private",
    isMember: row.is_member,
    isActor: false,
    mentioned: row.kind === "mention",
    spaceWatch: row.space_watch,
    itemWatch: row.item_watch,
  });
}

export async function deliverEmail(notificationId: string): Promise<"sent" | "skipped" | "none"> {
  const settings = mailSettings();
  return withPendingMail(notificationId, async (row) => {
    if (!stillAllowed(row)) return "skipped";
    await sendMail(notificationMail({ settings, to: row.email!, userId: row.user_id, kind: row.kind, item: row, notificationId: row.id }));
    return "sent";
  });
}

/** Sends each person one digest of what waited for it; returns how many digests went out. */
export async function sendDigests(period: "daily" | "weekly", now = new Date()): Promise<number> {
  const settings = mailSettings();
  const rows = await pendingDigest(period);
  // Not Map.groupBy: Node 20 lacks it.
  const byUser = new Map<string, typeof rows>();
  for (const row of rows) byUser.set(row.user_id, [...(byUser.get(row.user_id) ?? []), row]);
  let sent = 0;
  for (const [userId, items] of byUser) {
    const ids = items.map((item) => item.id);
    const email = items[0]?.email;
    if (!email) {
      await markDigestSkipped(ids);
      continue;
    }
    const digestId = `digest-${period}-${now.toISOString().slice(0, 10)}-${userId}`;
    await sendMail(digestMail({ settings, to: email, userId, period, items, digestId }));
    await markDigested(ids, now);
    sent += 1;
  }
  return sent;
}
