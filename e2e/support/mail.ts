// Reading what the test SMTP server (e2e/support/smtp-server.ts) received, as one would read Mailpit's API.
import { expect } from "@playwright/test";

export type Mail = { to: string[]; subject: string; text: string; messageId: string; listUnsubscribe: string };

/** Every message the server received for one address so far. */
export async function mailFor(address: string): Promise<Mail[]> {
  const response = await fetch(`${process.env.E2E_MAIL_API}/messages?to=${encodeURIComponent(address)}`);
  return (await response.json()) as Mail[];
}

/** Mail for one address whose subject matches, waiting until `count` have come. */
export async function waitForMail(address: string, subject: RegExp, { count = 1, timeout = 30_000 } = {}): Promise<Mail[]> {
  let found: Mail[] = [];
  await expect
    .poll(async () => {
      found = (await mailFor(address)).filter((m) => subject.test(m.subject));
      return found.length;
    }, { timeout, message: `mail to ${address} matching ${subject}` })
    .toBeGreaterThanOrEqual(count);
  return found;
}

/** The first http link in a mail's text that goes to `pathPattern`. */
export const linkIn = (mail: Mail, pathPattern: RegExp) => mail.text.match(/https?:\/\/\S+/g)?.find((url) => pathPattern.test(new URL(url).pathname)) ?? null;
