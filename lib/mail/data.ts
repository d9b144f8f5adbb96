// Reads of the local outbox, for /dev/outbox (shown only while no SMTP server is configured).
import "server-only";
import { db } from "@/lib/db";

export async function listOutbox({ take = 50 }: { take?: number } = {}) {
  return db.mailOutbox.findMany({ orderBy: { createdAt: "desc" }, take, select: { id: true, to: true, subject: true, text: true, headers: true, createdAt: true } });
}
