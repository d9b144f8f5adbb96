// Governance events in plain language ("Amara added Dana as auditor"), for timelines and feeds, from the catalog's typed data.
import { checkCatalogEvent, type ParsedEvent } from "@/lib/record/events/catalog";

type EventLike = { type: string; typeVersion?: number | null; actorId: string | null; subject: unknown; data: unknown };

/**
 * What an entry is about, when the caller can name it: the title of a decision, "Lumen-7B 2.0" for a release.
 * Events carry only ids for most subjects (a ballot records its decision's id, not its title), so naming them
 * needs a lookup the caller does once per page; without it the sentence stays general.
 */
export type SubjectTitles = (id: string) => string | undefined;

/**
 * Everyone an event's sentence names (its actor, the person it is about, and for a mapped identity the user who took
 * their place), so a caller looks up all their names in one go and none comes out as "someone".
 */
export function peopleNamedIn(event: Pick<EventLike, "actorId" | "subject" | "data">): string[] {
  const subject = (event.subject ?? {}) as { userId?: unknown };
  const data = (event.data ?? {}) as { toUserId?: unknown };
  return [event.actorId, subject.userId, data.toUserId].filter((id): id is string => typeof id === "string");
}

const findingLabel = (s: string) => ({ accepted_risk: "accepted risk", wont_fix: "won't fix" })[s] ?? s;
const threadNoun = { release: "the release", audit: "the audit report", decision: "the decision", proposal: "the proposal", concern: "the concern" } as const;
const reviewVerbs: Record<string, string> = { accept: "accepted", request_changes: "requested changes on", dispute: "disputed" };

export function describeEvent(event: EventLike, nameOf: (userId: string | null) => string, titleOf: SubjectTitles = () => undefined): string {
  const actor = nameOf(event.actorId);
  const checked = checkCatalogEvent({ type: event.type, typeVersion: event.typeVersion ?? undefined, subject: event.subject ?? {}, data: event.data ?? {} });
  // An event the catalog does not describe (the verifier names it): say only what it claims to be.
  if (!checked.ok) return `${actor}: ${event.type}`;
  return describeParsed(checked.event, actor, nameOf, titleOf);
}

const quoted = (title: string | undefined) => (title ? ` “${title}”` : "");

function describeParsed(event: ParsedEvent, actor: string, nameOf: (userId: string | null) => string, titleOf: SubjectTitles): string {
  switch (event.type) {
    case "space.created":
      return `${actor} created the space “${event.data.name}”`;
    case "space.updated":
      return `${actor} changed the space's ${event.data.changed.join(", ") || "settings"}`;
    case "member.added":
      return `${actor} added ${nameOf(event.subject.userId)} as ${event.data.role}`;
    case "member.invited":
      return `${actor} created an invitation link for a new ${event.data.role}`;
    case "member.invitation_revoked":
      return `${actor} revoked an invitation link for a new ${event.data.role}`;
    case "member.joined":
      return `${actor} joined as ${event.data.role} through an invitation`;
    case "member.join_requested":
      return `${actor} asked to join`;
    case "member.join_accepted":
      return `${actor} accepted ${nameOf(event.subject.userId)}'s request to join`;
    case "member.join_declined":
      return `${actor} declined ${nameOf(event.subject.userId)}'s request to join`;
    case "member.role_changed":
      return `${actor} changed ${nameOf(event.subject.userId)}'s role from ${event.data.from} to ${event.data.to}`;
    case "member.removed":
      return `${actor} removed ${nameOf(event.subject.userId)} from the space`;
    case "member.identity_mapped":
      return `${actor} mapped ${nameOf(event.subject.userId)}, who arrived with the archive, to ${nameOf(event.data.toUserId)}, now ${event.data.role}`;
    case "member.left":
      return `${actor} left the space`;
    case "charter.amended":
      return `${actor} amended the charter (version ${event.data.version}): ${event.data.reason}`;
    case "audit.filed": {
      const { category, verdict, findings } = event.data;
      const verdictText = verdict === "concerns" ? "with concerns" : `verdict ${verdict}`;
      const release = quoted(titleOf(event.subject.releaseId));
      return `${actor} filed a ${category.replace(/-/g, " ")} audit report (${verdictText}) with ${findings.length} finding${findings.length === 1 ? "" : "s"}${release ? ` on${release}` : ""}`;
    }
    case "audit.reviewed":
      return `${actor} ${reviewVerbs[event.data.verdict] ?? "reviewed"} an audit report${event.data.comment ? `: ${event.data.comment}` : ""}`;
    case "finding.transitioned": {
      const { number, title, from, to, evidence, note } = event.data;
      return `${actor} moved finding ${number} “${title}” from ${findingLabel(from)} to ${findingLabel(to)}${evidence ? " with evidence" : ""}${note ? `: ${note}` : ""}`;
    }
    case "release.proposed":
      return `${actor} proposed ${event.data.modelName} ${event.data.version}`;
    case "release.edited":
      return `${actor} edited the release${quoted(titleOf(event.subject.releaseId))} (${event.data.changed.join(", ") || "details"})`;
    case "release.submitted":
      return `${actor} sent the release${quoted(titleOf(event.subject.releaseId))} for review`;
    case "release.returned_to_draft":
      return `${actor} moved the release${quoted(titleOf(event.subject.releaseId))} back to draft`;
    case "release.withdrawn":
      return `${actor} withdrew the release${quoted(titleOf(event.subject.releaseId))}${event.data.reason ? `: ${event.data.reason}` : ""}`;
    case "release.voting_opened":
      return `${actor} opened the vote on the release${quoted(titleOf(event.subject.releaseId))}; its artifact digests are frozen`;
    case "release.voting_cancelled":
      return `${actor} cancelled the release vote; the release${quoted(titleOf(event.subject.releaseId))} is back in review`;
    case "release.approved":
      return `The release${quoted(titleOf(event.subject.releaseId))} was approved by its vote`;
    case "release.rejected":
      return `The release${quoted(titleOf(event.subject.releaseId))} was rejected by its vote`;
    case "release.license_decided":
      return `A licensing decision set ${event.data.component ?? "every included component"} to ${event.data.license}`;
    case "release.published":
      return `${actor} published the release${quoted(titleOf(event.subject.releaseId))} (${event.data.registry.length} pinned registry references)`;
    case "release.deprecated":
      return `${actor} deprecated the release${quoted(titleOf(event.subject.releaseId))}`;
    case "release.yanked":
      return `${actor} yanked the release${quoted(titleOf(event.subject.releaseId))}`;
    case "decision.opened":
      return `${actor} opened the ${event.data.kind} decision “${event.data.title}” (${event.data.method}, ${event.data.eligible} eligible voters)`;
    case "ballot.cast": {
      const { choice, binding, reason } = event.data;
      const chosen = Array.isArray(choice) ? choice.join(" > ") || "no option" : choice;
      const on = titleOf(event.subject.decisionId);
      const standing = "for" in event.data && event.data.for ? ` for ${nameOf(event.data.for)}` : "";
      return `${actor} voted ${chosen}${standing}${on ? ` on “${on}”` : ""}${binding ? "" : " (advisory)"}${reason ? `: “${reason}”` : ""}`;
    }
    case "decision.closed": {
      const title = quoted(titleOf(event.subject.decisionId));
      return `${event.data.closedBy === "early" ? `${actor} closed the decision${title} early` : `The decision${title} closed at its deadline`}: ${event.data.explanation}`;
    }
    case "decision.cancelled":
      return `${actor} cancelled the decision${quoted(titleOf(event.subject.decisionId))}: ${event.data.reason}`;
    case "proposal.opened":
      return `${actor} started the proposal “${event.data.title}”`;
    case "proposal.linked":
      return `${actor} ${event.data.to === "decision" ? "turned the proposal into a decision" : "linked the proposal to a release"}${quoted(titleOf(event.subject.decisionId ?? event.subject.releaseId ?? ""))}`;
    // A comment's text is never in the record, so these say only that it happened and where.
    case "comment.posted":
      return `${actor} ${event.subject.parentId ? "replied" : "commented"} on ${threadNoun[event.subject.threadKind]}${quoted(titleOf(event.subject.threadId))}`;
    case "comment.edited":
      return `${actor} edited a comment (version ${event.data.version}) on ${threadNoun[event.subject.threadKind]}${quoted(titleOf(event.subject.threadId))}`;
    case "comment.deleted":
      return `${actor} deleted their comment on ${threadNoun[event.subject.threadKind]}${quoted(titleOf(event.subject.threadId))}`;
    case "comment.hidden":
      return `${actor} hid a comment on ${threadNoun[event.subject.threadKind]}${quoted(titleOf(event.subject.threadId))}: ${event.data.reason}`;
    case "comment.redacted":
      return `${actor} redacted a comment's text on ${threadNoun[event.subject.threadKind]}${quoted(titleOf(event.subject.threadId))}: ${event.data.reason}`;
    case "concern.raised":
      return `${actor} raised a concern “${event.data.title}” on the ${event.data.on}${quoted(titleOf(event.subject.decisionId ?? event.subject.releaseId ?? ""))}${event.data.blocks ? " (it blocks passing while open)" : ""}`;
    case "concern.resolved":
      return `${actor} resolved their concern “${event.data.title}”${event.data.note ? `: ${event.data.note}` : ""}`;
    case "concern.overridden":
      return `${actor} overrode the concern “${event.data.title}”: ${event.data.reason}`;
    case "user.created":
      return `${actor} created the account of ${event.data.name ?? "a new user"}`;
    case "user.renamed":
      return `${event.data.from ?? "A person without a display name"} is now called ${event.data.to}`;
    case "token.created":
      return `${actor} created the access token “${event.data.name}”`;
    case "token.revoked":
      return `${actor} revoked an access token`;
    case "webhook.created":
      return `${actor} registered a webhook to ${event.data.host}`;
    case "webhook.updated":
      return `${actor} changed the webhook to ${event.data.host} (${event.data.changed.join(", ") || "settings"})`;
    case "webhook.deleted":
      return `${actor} deleted the webhook to ${event.data.host}`;
    case "webhook.secret_rotated":
      return `${actor} rotated a webhook's signing secret`;
    case "webhook.disabled":
      return "A webhook was disabled: its receiver answered 410 Gone";
    case "webhook.redelivery_requested":
      return `${actor} asked for a webhook delivery to be sent again`;
    case "space.forked":
      return `${actor} forked this space from ${event.data.origin}/s/${event.data.originSlug} at checkpoint ${event.data.checkpointSize} (root ${event.data.rootHash.slice(0, 16)}…)`;
    case "mirror.started":
      return `${actor} imported a mirror of ${event.data.origin}/s/${event.data.originSlug}, verified to checkpoint ${event.data.checkpointSize}`;
    case "mirror.stopped":
      return `The mirror stopped following its origin: ${event.data.reason}`;
    case "identity.claimed":
      return `${nameOf(event.subject.userId)} claimed the identity that arrived with an archive (${event.data.how})`;
  }
}
