// The local outbox's write: mail kept in the database when no SMTP server is configured (the demo).
import "server-only";
import { db } from "@/lib/db";
import type { MailMessage } from "@/lib/mail/templates";

export async function keepInOutbox(message: MailMessage): Promise<void> {
  await db.mailOutbox.create({
    data: { to: message.to, subject: message.subject, text: message.text, html: message.html, headers: { ...message.headers, "Message-ID": message.messageId } },
  });
}
