// The notification tests' mail: a real SMTP server for the file, SMTP_URL pointing at it, and no jobs left by
// other files (their fan-outs and deadlines would send mail here too). Call once at the top of a test file.
import { afterAll, afterEach, beforeAll } from "vitest";
import { db } from "@/lib/db";
import { closeMailTransports } from "@/lib/mail/transport";
import { startSmtpServer, type Received } from "@/test/support/smtp";

export function withMailServer({ clearEach = true }: { /** Forget received mail after each test. */ clearEach?: boolean } = {}) {
  let server: Awaited<ReturnType<typeof startSmtpServer>> | undefined;
  beforeAll(async () => {
    await db.$executeRaw`DELETE FROM graphile_worker._private_jobs`;
    server = await startSmtpServer();
    process.env.SMTP_URL = server.url;
  });
  if (clearEach) {
    afterEach(() => {
      if (server) server.received.length = 0;
    });
  }
  afterAll(async () => {
    closeMailTransports();
    delete process.env.SMTP_URL;
    await server?.close();
  });
  return {
    get received(): Received[] {
      if (!server) throw new Error("The mail server starts in beforeAll");
      return server.received;
    },
  };
}
