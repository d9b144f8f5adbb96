// Inputs of the notification use cases, shared by the server actions and the API (strict: unknown fields refused).
import { z } from "zod";
import { channels, notificationKinds } from "@/lib/notifications/rules";

const id = z.string().min(1).max(64);
const channel = z.enum(channels, `Choose one of: ${channels.join(", ")}.`);

export const markReadInput = z
  .strictObject({
    ids: z.array(id).min(1, "Name at least one notification, or send all: true.").max(200, "Mark at most 200 at once, or send all: true.").optional(),
    all: z.literal(true, "Send all: true to mark every notification read.").optional(),
  })
  .refine((input) => (input.ids ? !input.all : input.all), { message: "Send either ids or all: true, not both and not neither.", path: ["ids"] });
export type MarkReadInput = z.infer<typeof markReadInput>;

export const updatePreferencesInput = z.strictObject({
  decision_opened: channel.optional(),
  decision_reminder: channel.optional(),
  decision_closed: channel.optional(),
  release_approved: channel.optional(),
  release_published: channel.optional(),
  mention: channel.optional(),
});
export type UpdatePreferencesInput = z.infer<typeof updatePreferencesInput>;
// The schema's keys and the rules' kinds must be the same list: this fails to compile otherwise.
export type KindsMatch = [keyof UpdatePreferencesInput] extends [(typeof notificationKinds)[number]] ? ((typeof notificationKinds)[number] extends keyof UpdatePreferencesInput ? true : never) : never;

export const watchFields = z.strictObject({
  itemId: id.optional().describe("A decision or release of the space; absent for the space itself"),
  watching: z.enum(["watch", "mute", "default"], "Choose watch, mute or default."),
});
export const setWatchInput = watchFields.extend({ spaceSlug: z.string().min(1).max(40) });
export type SetWatchInput = z.infer<typeof setWatchInput>;

export const unsubscribeInput = z.strictObject({ token: z.string().min(10, "This unsubscribe link is incomplete.").max(1000, "This unsubscribe link is not one of ours.") });

export const inboxOutput = z.object({
  unread: z.number().int(),
  notifications: z.array(z.object({ id: z.string(), kind: z.string(), title: z.string(), body: z.string(), path: z.string(), createdAt: z.string(), read: z.boolean() })),
});
export const preferencesOutput = z.object({ channels: z.record(z.string(), channel) });
