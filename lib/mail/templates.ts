// The text and HTML of notification e-mails and digests, with the RFC 8058 one-click unsubscribe headers.
import { signUnsubscribe } from "@/lib/mail/unsubscribe-token";
import type { MailSettings } from "@/lib/mail/settings";

export type MailMessage = { to: string; subject: string; text: string; html: string; headers: Record<string, string>; messageId: string };

export type MailItem = { title: string; body: string; path: string };

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

function unsubscribeHeaders(settings: MailSettings, userId: string, kind: string) {
  const token = signUnsubscribe({ userId, kind });
  const oneClick = `${settings.baseUrl}/api/v1/unsubscribe?token=${encodeURIComponent(token)}`;
  const page = `${settings.baseUrl}/unsubscribe?token=${encodeURIComponent(token)}`;
  return {
    page,
    headers: { "List-Unsubscribe": `<${oneClick}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  };
}

function host(settings: MailSettings): string {
  return new URL(settings.baseUrl).hostname || "localhost";
}

/**
 * One notification as an e-mail. The Message-ID is fixed by the notification's id, so a resend after a crash
 * (the one window SMTP leaves: accepted, then killed before recording it) is recognisably the same message.
 */
export function notificationMail({ settings, to, userId, kind, item, notificationId }: { settings: MailSettings; to: string; userId: string; kind: string; item: MailItem; notificationId: string }): MailMessage {
  const link = `${settings.baseUrl}${item.path}`;
  const unsubscribe = unsubscribeHeaders(settings, userId, kind);
  const text = `${item.title}\n\n${item.body}\n\nOpen it: ${link}\n\n--\nYou get this because you watch this space or item on Commonweights.\nStop these e-mails: ${unsubscribe.page}\nAll your notification settings: ${settings.baseUrl}/settings/notifications\n`;
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5">
<h1 style="font-size:18px">${escapeHtml(item.title)}</h1>
<p>${escapeHtml(item.body)}</p>
<p><a href="${escapeHtml(link)}">Open it on Commonweights</a></p>
<hr><p style="font-size:12px">You get this because you watch this space or item. <a href="${escapeHtml(unsubscribe.page)}">Stop these e-mails</a> · <a href="${escapeHtml(`${settings.baseUrl}/settings/notifications`)}">Notification settings</a></p>
</body></html>`;
  return { to, subject: item.title, text, html, headers: unsubscribe.headers, messageId: `<${notificationId}@${host(settings)}>` };
}

export function digestMail({ settings, to, userId, period, items, digestId }: { settings: MailSettings; to: string; userId: string; period: "daily" | "weekly"; items: MailItem[]; digestId: string }): MailMessage {
  const unsubscribe = unsubscribeHeaders(settings, userId, `digest_${period}`);
  const subject = `Your ${period} Commonweights digest: ${items.length} ${items.length === 1 ? "update" : "updates"}`;
  const lines = items.map((item) => `- ${item.title}\n  ${item.body}\n  ${settings.baseUrl}${item.path}`).join("\n\n");
  const text = `${subject}\n\n${lines}\n\n--\nStop the ${period} digest: ${unsubscribe.page}\n`;
  const list = items.map((item) => `<li><a href="${escapeHtml(settings.baseUrl + item.path)}">${escapeHtml(item.title)}</a><br>${escapeHtml(item.body)}</li>`).join("\n");
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5"><h1 style="font-size:18px">${escapeHtml(subject)}</h1><ul>${list}</ul><hr><p style="font-size:12px"><a href="${escapeHtml(unsubscribe.page)}">Stop the ${period} digest</a></p></body></html>`;
  return { to, subject, text, html, headers: unsubscribe.headers, messageId: `<${digestId}@${host(settings)}>` };
}
