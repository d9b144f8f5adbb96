// A real SMTP server for tests and the bench (smtp-server, in process): it records each message it accepts,
// parsed with mailparser. `onMessage` may hold a message back (return false) to model a lost connection.
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export type Received = { to: string; subject: string; messageId: string; text: string; html: string; headers: Map<string, unknown>; raw: ParsedMail };

export async function startSmtpServer({ onMessage, parse = true }: { onMessage?: (count: number) => boolean | Promise<boolean>; parse?: boolean } = {}) {
  const received: Received[] = [];
  let seen = 0;
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS", "AUTH"],
    authOptional: true,
    logger: false,
    maxClients: 200,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        void (async () => {
          seen += 1;
          const accept = onMessage ? await onMessage(seen) : true;
          if (!accept) return callback(new Error("The connection was lost before the message was accepted"));
          const to = session.envelope.rcptTo.map((r) => r.address).join(",");
          if (!parse) {
            received.push({ to, subject: "", messageId: "", text: "", html: "", headers: new Map(), raw: undefined as unknown as ParsedMail });
            return callback();
          }
          const mail = await simpleParser(Buffer.concat(chunks));
          received.push({ to, subject: mail.subject ?? "", messageId: mail.messageId ?? "", text: mail.text ?? "", html: typeof mail.html === "string" ? mail.html : "", headers: mail.headers, raw: mail });
          callback();
        })();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
