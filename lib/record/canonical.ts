// The canonical form of a governance event: what its hash (and later its Merkle leaf) covers.
import { createHash } from "node:crypto";
import canonicalize from "canonicalize";

export type EventContent = {
  id: string; // uuid
  space: string | null;
  type: string;
  actor: string | null;
  subject: Record<string, unknown>;
  data: Record<string, unknown>;
  at: string; // ISO 8601 with milliseconds, UTC
  // Both absent from events recorded before the catalog, so their content and hash are what they always were.
  typeVersion?: number; // the catalog version of the type's subject and data (lib/record/events/)
  via?: "session" | "token" | "system"; // how the write came
};

/** RFC 8785 canonical JSON of the event, versioned so the format can evolve without ambiguity. */
export function canonicalEvent(content: EventContent): string {
  const text = canonicalize({ v: 1, ...content });
  if (text === undefined) throw new Error("event content cannot be canonicalized");
  return text;
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

export function hashEvent(content: EventContent): string {
  return sha256Hex(canonicalEvent(content));
}
