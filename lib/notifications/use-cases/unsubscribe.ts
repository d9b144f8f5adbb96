// One-click unsubscribe (RFC 8058): the signed token from the e-mail is the whole authorization, since a
// mail client posts it without any session. It stops e-mail of that kind; the inbox keeps showing it.
import "server-only";
import { verifyUnsubscribe } from "@/lib/mail/unsubscribe-token";
import { listPreferences, userExists } from "@/lib/notifications/data";
import { savePreferences } from "@/lib/notifications/mutations";
import { channelFor, kindLabels, notificationKinds, type NotificationKind } from "@/lib/notifications/rules";
import { authorize } from "@/lib/policy";
import { fail, ok, type Result } from "@/lib/result";

export async function unsubscribe(input: { token: string }, now = new Date()): Promise<Result<{ stopped: string[] }>> {
  const claim = verifyUnsubscribe(input.token);
  if (!claim || !(await userExists(claim.userId))) return fail("INVALID_TOKEN", "This unsubscribe link is not valid; change your e-mails in your notification settings.", "invalid");
  // The token speaks for the person it names, and for nothing else.
  authorize({ id: claim.userId }, "notification.preferences", { ownerId: claim.userId });
  const chosen = await listPreferences(claim.userId);
  const digest = /^digest_(daily|weekly)$/.exec(claim.kind)?.[1];
  const kinds = digest
    ? notificationKinds.filter((kind) => channelFor(kind, chosen[kind]) === digest)
    : notificationKinds.filter((kind): kind is NotificationKind => kind === claim.kind);
  if (!digest && kinds.length === 0) return fail("INVALID_TOKEN", "This unsubscribe link is not valid; change your e-mails in your notification settings.", "invalid");
  await savePreferences({ userId: claim.userId, channels: Object.fromEntries(kinds.map((kind) => [kind, "in_app"])), now });
  return ok({ stopped: kinds.map((kind) => kindLabels[kind]) });
}
