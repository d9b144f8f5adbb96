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
    default:
      return `${actor}: ${event.type}`;
  }
}
