// The signed-in person's inbox: entries newest first and the unread count (the header badge polls it).
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { countUnread, listInbox } from "@/lib/notifications/data";
import type { InboxEntry } from "@/lib/notifications/rules";
import { authorize } from "@/lib/policy";
import { ok, type Result } from "@/lib/result";

export async function inbox(actor: Actor | null, { take = 50 }: { take?: number } = {}): Promise<Result<{ unread: number; notifications: InboxEntry[] }>> {
  authorize(actor, "notification.list", { ownerId: actor?.id });
  const [unread, notifications] = await Promise.all([countUnread(actor!.id), listInbox(actor!.id, { take })]);
  return ok({ unread, notifications });
}

export async function unreadCount(actor: Actor | null): Promise<Result<{ unread: number }>> {
  authorize(actor, "notification.list", { ownerId: actor?.id });
  return ok({ unread: await countUnread(actor!.id) });
}
