// Governance events in plain language ("Amara added Dana as auditor"), for timelines and feeds.
type EventLike = { type: string; actorId: string | null; subject: unknown; data: unknown };

const str = (value: unknown) => (typeof value === "string" ? value : "");

export function describeEvent(event: EventLike, nameOf: (userId: string | null) => string): string {
  const subject = (event.subject ?? {}) as Record<string, unknown>;
  const data = (event.data ?? {}) as Record<string, unknown>;
  const actor = nameOf(event.actorId);
  const target = nameOf(str(subject.userId) || null);
  switch (event.type) {
    case "space.created":
      return `${actor} created the space “${str(data.name)}”`;
    case "space.updated":
      return `${actor} changed the space's ${(Array.isArray(data.changed) ? data.changed : []).join(", ") || "settings"}`;
    case "member.added":
      return `${actor} added ${target} as ${str(data.role)}`;
    case "member.invited":
      return `${actor} created an invitation link for a new ${str(data.role)}`;
    case "member.joined":
      return `${actor} joined as ${str(data.role)} through an invitation`;
    case "member.join_requested":
      return `${actor} asked to join`;
    case "member.join_accepted":
      return `${actor} accepted ${target}'s request to join`;
    case "member.join_declined":
      return `${actor} declined ${target}'s request to join`;
    case "member.role_changed":
      return `${actor} changed ${target}'s role from ${str(data.from)} to ${str(data.to)}`;
    case "member.removed":
      return `${actor} removed ${target} from the space`;
    case "member.left":
      return `${actor} left the space`;
    case "charter.amended":
      return `${actor} amended the charter (version ${String(data.version ?? "?")}): ${str(data.reason)}`;
    // --- audits module ---
    case "audit.filed": {
      const findings = Array.isArray(data.findings) ? data.findings.length : 0;
      const verdict = str(data.verdict) === "concerns" ? "with concerns" : `verdict ${str(data.verdict)}`;
      return `${actor} filed a ${str(data.category).replace(/-/g, " ")} audit report (${verdict}) with ${findings} finding${findings === 1 ? "" : "s"}`;
    }
    case "audit.reviewed": {
      const verdicts: Record<string, string> = { accept: "accepted", request_changes: "requested changes on", dispute: "disputed" };
      return `${actor} ${verdicts[str(data.verdict)] ?? "reviewed"} an audit report${str(data.comment) ? `: ${str(data.comment)}` : ""}`;
    }
    case "finding.transitioned": {
      const label = (s: string) => ({ accepted_risk: "accepted risk", wont_fix: "won't fix" })[s] ?? s;
      const finding = `finding ${String(data.number ?? "?")} “${str(data.title)}”`;
      const evidence = data.evidence && typeof data.evidence === "object" ? " with evidence" : "";
      return `${actor} moved ${finding} from ${label(str(data.from))} to ${label(str(data.to))}${evidence}${str(data.note) ? `: ${str(data.note)}` : ""}`;
    }
    // --- end audits module ---
    // --- releases module ---
    case "release.proposed":
      return `${actor} proposed ${str(data.modelName)} ${str(data.version)}`;
    case "release.edited":
      return `${actor} edited the release (${(Array.isArray(data.changed) ? data.changed : []).join(", ") || "details"})`;
    case "release.submitted":
      return `${actor} sent the release for review`;
    case "release.returned_to_draft":
      return `${actor} moved the release back to draft`;
    case "release.withdrawn":
      return `${actor} withdrew the release${str(data.reason) ? `: ${str(data.reason)}` : ""}`;
    case "release.voting_opened":
      return `${actor} opened the vote on the release; its artifact digests are frozen`;
    case "release.voting_cancelled":
      return `${actor} cancelled the release vote; the release is back in review`;
    case "release.approved":
      return "The release was approved by its vote";
    case "release.rejected":
      return "The release was rejected by its vote";
    case "release.license_decided":
      return `A licensing decision set ${str(data.component) || "every included component"} to ${str(data.license)}`;
    case "release.published":
      return `${actor} published the release (${Array.isArray(data.registry) ? data.registry.length : 0} pinned registry references)`;
    case "release.deprecated":
      return `${actor} deprecated the release`;
    case "release.yanked":
      return `${actor} yanked the release`;
    // --- end releases module ---
    // decisions module: opening, ballots, close and cancel of decisions.
    case "decision.opened":
      return `${actor} opened the ${str(data.kind)} decision “${str(data.title)}” (${str(data.method)}, ${String(data.eligible ?? "?")} eligible voters)`;
    case "ballot.cast": {
      const choice = Array.isArray(data.choice) ? (data.choice as unknown[]).map(String).join(" > ") || "no option" : String(data.choice ?? "");
      return `${actor} voted ${choice}${data.binding === false ? " (advisory)" : ""}${str(data.reason) ? `: “${str(data.reason)}”` : ""}`;
    }
    case "decision.closed":
      return `${event.actorId ? `${actor} closed the decision early` : "The decision closed at its deadline"}: ${str(data.explanation)}`;
    case "decision.cancelled":
      return `${actor} cancelled the decision: ${str(data.reason)}`;
    default:
      return `${actor}: ${event.type}`;
  }
}
