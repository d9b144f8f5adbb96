// Sends mail: over SMTP (nodemailer, a pooled connection per SMTP_URL) when configured, else into the local
// outbox. The send resolves only once the server has accepted the message (its 250 reply).
import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { keepInOutbox } from "@/lib/mail/mutations";
import { mailSettings } from "@/lib/mail/settings";
import type { MailMessage } from "@/lib/mail/templates";

// On globalThis: Next bundles route handlers and server actions apart, and each would open its own pool.
const state = globalThis as unknown as { commonweightsMail?: Map<string, Transporter> };

function transporter(url: string): Transporter {
  const transports = (state.commonweightsMail ??= new Map());
  let transport = transports.get(url);
  if (!transport) {
    transport = nodemailer.createTransport({ url, pool: true, maxConnections: Number(process.env.CW_SMTP_CONNECTIONS ?? 5) } as Parameters<typeof nodemailer.createTransport>[0]);
    transports.set(url, transport);
  }
  return transport;
}

export async function sendMail(message: MailMessage): Promise<void> {
  const settings = mailSettings();
  if (!settings.smtpUrl) return keepInOutbox(message);
  await transporter(settings.smtpUrl).sendMail({
    from: settings.from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    headers: message.headers,
    messageId: message.messageId,
  });
}

/** Closes the pooled SMTP connections (tests, the bench, shutdown). */
export function closeMailTransports(): void {
  for (const transport of state.commonweightsMail?.values() ?? []) transport.close();
  state.commonweightsMail?.clear();
}
