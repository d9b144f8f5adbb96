// One line of an events.ndjson export checked on its own: its JSON, the event's RFC 8785 canonical form and version,
// its leaf and receipt hashes, and its type, subject and data against the event catalog. Pure and free of other record
// code but the catalog, so worker threads load little to run it.
import { hash } from "node:crypto";
import canonicalize from "canonicalize";
import { opensCommitment } from "@/lib/record/commitment";
import { checkCatalogEvent, vias } from "@/lib/record/events/catalog";

export type EventLine = { seq: number; leafHash: string; hash: string; event: Record<string, unknown>; text?: { body: string; salt: string } };

/** Event types whose data commits to a text (data.textHash), and those that erase a comment's texts. */
const committingTypes = new Set(["comment.posted", "comment.edited"]);
const erasingTypes = new Set(["comment.deleted", "comment.redacted"]);

// One-shot hashing of the string (crypto.hash encodes it as UTF-8) straight to hex: the verifier hashes every event
// twice, and this avoids a Hash object, a Buffer copy and a hex conversion per call. The leaf's 0x00 prefix is the
// character U+0000, which UTF-8 encodes as that one byte. Lowercase hex, so equality also checks the stored format.
const sha256Hex = (text: string): string => hash("sha256", text, "hex");

/** True when every object in the value already lists its keys in RFC 8785 order (UTF-16 code units, as sort() does). */
function keysInCanonicalOrder(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return true;
  if (Array.isArray(value)) return value.every(keysInCanonicalOrder);
  let previous: string | undefined;
  for (const key of Object.keys(value)) {
    if (previous !== undefined && !(previous < key)) return false;
    previous = key;
    if (!keysInCanonicalOrder((value as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/**
 * RFC 8785 canonical JSON of a value that JSON.parse returned. When its keys are already in canonical order,
 * JSON.stringify writes exactly what canonicalize would (the same strings and numbers, no whitespace, keys in the
 * order Object.keys gives) in a fraction of the time; otherwise canonicalize sorts them. The export writes the event's
 * own keys in that order; jsonb's order of subject and data keys (shortest first) often is too.
 */
export function canonicalJson(value: unknown): string | undefined {
  return keysInCanonicalOrder(value) ? JSON.stringify(value) : canonicalize(value);
}

function catalogProblem(event: Record<string, unknown>): string | null {
  if (event.via !== undefined && !(vias as readonly unknown[]).includes(event.via)) return `via '${String(event.via)}' is not one of ${vias.join(", ")}`;
  const checked = checkCatalogEvent({ type: event.type, typeVersion: event.typeVersion, subject: event.subject, data: event.data });
  return checked.ok ? null : checked.reason;
}

/**
 * A committed text (docs/record.md, Committed texts): a disclosed text must open the event's commitment, and only an
 * event that commits to a text may carry one. A missing text is judged by ExportVerifier, which needs the later erasure.
 */
function checkText(check: EventCheck, event: Record<string, unknown>, text: unknown): void {
  const type = String(event.type);
  const subject = event.subject as { commentId?: unknown };
  const data = event.data as { textHash?: unknown; reason?: unknown; by?: unknown };
  const commentId = typeof subject.commentId === "string" ? subject.commentId : "";
  if (erasingTypes.has(type)) {
    check.erasure = { commentId, type, at: String(event.at), by: typeof data.by === "string" ? data.by : "its author", reason: typeof data.reason === "string" ? data.reason : "" };
  }
  if (!committingTypes.has(type)) {
    if (text !== undefined) Object.assign(check, { problem: "text", detail: "carries a text that its event does not commit to" });
    return;
  }
  check.committed = { commentId, disclosed: text !== undefined };
  const disclosed = text as { body?: unknown; salt?: unknown } | undefined;
  if (disclosed !== undefined && !(typeof disclosed === "object" && disclosed !== null && opensCommitment(String(data.textHash), disclosed.salt, disclosed.body))) {
    Object.assign(check, { problem: "text", detail: "carries a text that does not match the commitment in the event: the text was changed after it was recorded" });
  }
}

/** What an event line says about itself, checked without its place in the log; `problem` is the first thing wrong. */
export type EventCheck = {
  seq: unknown;
  event: unknown;
  leafHex: string;
  problem: "content" | "version" | "leaf" | "receipt" | "catalog" | "text" | null;
  /** For a catalog problem: what does not fit ("type 'x' is not in the event catalog", "ballot.cast v1: data.binding: ..."). */
  detail?: string;
  /** An event that commits to a text: whose, and whether the line disclosed a text that opens the commitment. */
  committed?: { commentId: string; disclosed: boolean };
  /** An event that erased a comment's texts: the deletion by its author, or a steward's redaction. */
  erasure?: { commentId: string; type: string; at: string; by: string; reason: string };
};
export type ExaminedLine =
  | { kind: "blank" }
  | { kind: "invalid"; what: "JSON" | "a JSON object" }
  | { kind: "checkpoint"; value: Record<string, unknown> }
  | { kind: "event"; check: EventCheck };

/**
 * Everything about one line that needs no other line: its JSON, the event's canonical form and version, and its leaf
 * and receipt hashes recomputed. Pure, so worker threads can run it over many lines; ExportVerifier words the result.
 */
export function examineLine(text: string): ExaminedLine {
  if (text.trim() === "") return { kind: "blank" };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: "invalid", what: "JSON" };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return { kind: "invalid", what: "a JSON object" };
  if ("checkpoint" in value) return { kind: "checkpoint", value: value as Record<string, unknown> };
  const { seq, event, leafHash, hash: receipt } = value as Partial<EventLine>;
  const check: EventCheck = { seq, event, leafHex: "", problem: null };
  let canonical: string | undefined;
  try {
    canonical = canonicalJson(event);
  } catch {
    // Nesting deeper than the stack allows: no event this app writes.
  }
  if (!event || typeof event !== "object" || canonical === undefined) check.problem = "content";
  else if (event.v !== 1) check.problem = "version";
  else {
    check.leafHex = sha256Hex(`\u0000${canonical}`);
    if (check.leafHex !== leafHash) check.problem = "leaf";
    else if (receipt !== undefined && sha256Hex(canonical) !== receipt) check.problem = "receipt";
    else {
      // The hashes say the event is what was recorded; the catalog says whether it is an event the record describes.
      const detail = catalogProblem(event);
      if (detail) Object.assign(check, { problem: "catalog", detail });
      else checkText(check, event, (value as Partial<EventLine>).text);
    }
  }
  return { kind: "event", check };
}
