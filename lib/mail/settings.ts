// Where mail goes and how links in it are built, read from the environment each time (tests and the
// bench point SMTP_URL at their own server). No SMTP_URL: mail lands in the local outbox (/dev/outbox).
export type MailSettings = { smtpUrl: string | null; from: string; baseUrl: string };

export function mailSettings(env: Record<string, string | undefined> = process.env): MailSettings {
  return {
    smtpUrl: env.SMTP_URL?.trim() || null,
    from: env.CW_MAIL_FROM?.trim() || "Commonweights <notifications@localhost>",
    // The address people follow from an e-mail: the app's public one (https in production).
    baseUrl: (env.AUTH_URL?.trim() || `http://localhost:${env.PORT ?? 3000}`).replace(/\/+$/, ""),
  };
}

/** True when this instance keeps mail in its own outbox: the page /dev/outbox exists only then. */
export function usesLocalOutbox(env: Record<string, string | undefined> = process.env): boolean {
  return mailSettings(env).smtpUrl === null;
}
