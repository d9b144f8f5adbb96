// Who hears what, and how: pure rules of notifications (no I/O, time passed in). The fan-out, the e-mail job
// and the digest all decide through these, so the unit tests cover every path a notification can take.

export const notificationKinds = ["decision_opened", "decision_reminder", "decision_closed", "release_approved", "release_published", "mention"] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export const channels = ["in_app", "email", "daily", "weekly", "off"] as const;
export type Channel = (typeof channels)[number];

export const kindLabels: Record<NotificationKind, string> = {
  decision_opened: "A vote opens",
  decision_reminder: "A vote closes in 24 hours and you have not voted",
  decision_closed: "A vote closes or is cancelled",
  release_approved: "A release is approved",
  release_published: "A release is published",
  mention: "Someone mentions you",
};

export const channelLabels: Record<Channel, string> = {
  in_app: "Inbox only",
  email: "Inbox and e-mail at once",
  daily: "Inbox and a daily digest",
  weekly: "Inbox and a weekly digest",
  off: "Off",
};

/** What a person hears when they never chose: votes that need them by e-mail, the rest in the inbox. */
export const defaultChannels: Record<NotificationKind, Channel> = {
  decision_opened: "email",
  decision_reminder: "email",
  decision_closed: "in_app",
  release_approved: "email",
  release_published: "in_app",
  mention: "email",
};

/** The channel for one kind: the person's choice, else the default. A mention always notifies (off -> inbox). */
export function channelFor(kind: NotificationKind, chosen?: string | null): Channel {
  const channel = (channels as readonly string[]).includes(chosen ?? "") ? (chosen as Channel) : defaultChannels[kind];
  return kind === "mention" && channel === "off" ? "in_app" : channel;
}

/** What the e-mail side of a notification owes, from its channel. */
export function mailStateFor(channel: Exclude<Channel, "off">): { mail: "none" | "pending" | "digest"; digest: "daily" | "weekly" | null } {
  if (channel === "email") return { mail: "pending", digest: null };
  if (channel === "daily" || channel === "weekly") return { mail: "digest", digest: channel };
  return { mail: "none", digest: null };
}

/** The facts about one person and one event's space and item, read at delivery time. */
export type AudienceFacts = {
  visibility: "public" | "private";
  isMember: boolean;
  isActor: boolean;
  mentioned: boolean;
  /** An explicit watch on the space: true (watching), false (muted), null (never chose). */
  spaceWatch: boolean | null;
  /** An explicit watch on the item (decision or release), the same way; it wins over the space's. */
  itemWatch: boolean | null;
};

/**
 * Whether someone hears about an event. Visibility holds first: nothing about a private space reaches a
 * non-member, whatever they once watched. Nobody is told about their own act. A mention always notifies;
 * otherwise the closest explicit watch decides, and members watch their spaces by default.
 */
export function hears(facts: AudienceFacts): boolean {
  if (facts.visibility === "private" && !facts.isMember) return false;
  if (facts.isActor) return false;
  if (facts.mentioned) return true;
  if (facts.itemWatch !== null) return facts.itemWatch;
  if (facts.spaceWatch !== null) return facts.spaceWatch;
  return facts.isMember;
}

/** One inbox entry as pages and the API show it. */
export type InboxEntry = { id: string; kind: string; title: string; body: string; path: string; createdAt: string; read: boolean };

/** What an event says in an inbox and an e-mail; null for an event nobody is told about. */
export type Notice = { kind: NotificationKind; title: string; body: string; path: string };

export type NoticeInput = {
  type: string;
  data: Record<string, unknown>;
  subject: { decisionId?: string; releaseId?: string };
  space: { slug: string; name: string };
  /** The decision's title or the release's "model version", read by the fan-out. */
  label: string;
};

export function noticeFor({ type, data, subject, space, label }: NoticeInput): Notice | null {
  const decisionPath = subject.decisionId ? `/s/${space.slug}/decisions/${subject.decisionId}` : null;
  const releasePath = subject.releaseId ? `/s/${space.slug}/releases/${subject.releaseId}` : null;
  const closes = typeof data.closesAt === "string" ? `${data.closesAt.slice(0, 16).replace("T", " ")} UTC` : null;
  switch (type) {
    case "decision.opened":
      return decisionPath === null ? null : { kind: "decision_opened", title: `Vote open in ${space.name}: ${label}`, body: `A vote opened${closes ? `; it closes ${closes}` : ""}. Cast your ballot before then.`, path: decisionPath };
    case "decision.closed":
      return decisionPath === null ? null : { kind: "decision_closed", title: `Vote closed in ${space.name}: ${label}`, body: typeof data.explanation === "string" ? data.explanation : "The vote closed.", path: decisionPath };
    case "decision.cancelled":
      return decisionPath === null ? null : { kind: "decision_closed", title: `Vote cancelled in ${space.name}: ${label}`, body: typeof data.reason === "string" ? `Reason: ${data.reason}` : "The vote was cancelled.", path: decisionPath };
    case "release.approved":
      return releasePath === null ? null : { kind: "release_approved", title: `Release approved in ${space.name}: ${label}`, body: "The vote approved this release; it can now be published.", path: releasePath };
    case "release.published":
      return releasePath === null ? null : { kind: "release_published", title: `Release published in ${space.name}: ${label}`, body: "The release is published, its artifacts pinned in the record.", path: releasePath };
    default:
      return null;
  }
}

/**
 * A mention's notice. It names who wrote and where, never the comment's words: the record keeps only a
 * commitment to a text so that it can be redacted, and a copy in an inbox or a mailbox could not be.
 */
export function mentionNotice({ author, space, thread }: { author: string; space: { name: string }; thread: { label: string; path: string } }): Notice {
  return {
    kind: "mention",
    title: `${author} mentioned you in ${space.name}: ${thread.label}`,
    body: `${author} mentioned you in a comment. Open the thread to read it and reply.`,
    path: thread.path,
  };
}

/** The reminder's notice: due 24 hours before the deadline, to eligible voters without a ballot. */
export function reminderNotice({ space, decision, closesAt }: { space: { slug: string; name: string }; decision: { id: string; title: string }; closesAt: Date }): Notice {
  return {
    kind: "decision_reminder",
    title: `Closes in 24 hours and you have not voted: ${decision.title}`,
    body: `The vote in ${space.name} closes ${closesAt.toISOString().slice(0, 16).replace("T", " ")} UTC.`,
    path: `/s/${space.slug}/decisions/${decision.id}`,
  };
}

export const REMINDER_LEAD_MS = 24 * 3600 * 1000;

/** When the reminder runs: 24 hours before the deadline; none for a vote shorter than that. */
export function reminderAt({ opensAt, closesAt }: { opensAt: Date; closesAt: Date }): Date | null {
  const at = new Date(closesAt.getTime() - REMINDER_LEAD_MS);
  return at > opensAt ? at : null;
}

/** A notification older than this when its fan-out runs (a backfilled or long-stuck event) is noise. */
export const STALE_AFTER_MS = 7 * 24 * 3600 * 1000;
