// The browser tests' mail server: a real SMTP server (smtp-server) the app sends to, and a small HTTP API
// the specs read received mail from (GET /messages?to=<address>), as one would read Mailpit's.
import http from "node:http";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 3225);
const HTTP_PORT = Number(process.env.E2E_MAIL_API_PORT ?? 3226);
const messages: Array<{ to: string[]; subject: string; text: string; messageId: string; listUnsubscribe: string }> = [];

const smtp = new SMTPServer({
  disabledCommands: ["STARTTLS", "AUTH"],
  authOptional: true,
  logger: false,
  onData(stream, session, callback) {
    simpleParser(stream)
      .then((mail) => {
        const listUnsubscribe = mail.headerLines.find((h) => h.key === "list-unsubscribe")?.line ?? "";
        messages.push({ to: session.envelope.rcptTo.map((r) => r.address), subject: mail.subject ?? "", text: mail.text ?? "", messageId: mail.messageId ?? "", listUnsubscribe });
        callback();
      })
      .catch((error: Error) => callback(error));
  },
});
smtp.listen(SMTP_PORT, "127.0.0.1");

http
  .createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const to = url.searchParams.get("to");
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify(messages.filter((m) => !to || m.to.includes(to))));
  })
  .listen(HTTP_PORT, "127.0.0.1");
