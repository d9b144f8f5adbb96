// Your notification settings: the channel per kind (your choice or the default), and changing them.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { listPreferences } from "@/lib/notifications/data";
import { savePreferences } from "@/lib/notifications/mutations";
import { channelFor, notificationKinds, type Channel, type NotificationKind } from "@/lib/notifications/rules";
import type { UpdatePreferencesInput } from "@/lib/notifications/schema";
import { authorize } from "@/lib/policy";
import { ok, type Result } from "@/lib/result";

export type Preferences = { channels: Record<NotificationKind, Channel> };

async function effective(userId: string): Promise<Preferences> {
  const chosen = await listPreferences(userId);
  return { channels: Object.fromEntries(notificationKinds.map((kind) => [kind, channelFor(kind, chosen[kind])])) as Record<NotificationKind, Channel> };
}

export async function notificationPreferences(actor: Actor | null): Promise<Result<Preferences>> {
  authorize(actor, "notification.preferences", { ownerId: actor?.id });
  return ok(await effective(actor!.id));
}

export async function updatePreferences(actor: Actor | null, input: UpdatePreferencesInput, now = new Date()): Promise<Result<Preferences>> {
  authorize(actor, "notification.preferences", { ownerId: actor?.id });
  const channels = Object.fromEntries(Object.entries(input).filter((entry): entry is [string, Channel] => entry[1] !== undefined));
  await savePreferences({ userId: actor!.id, channels, now });
  return ok(await effective(actor!.id));
}
