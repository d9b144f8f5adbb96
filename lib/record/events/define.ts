// How one catalogued event type is declared: its name, version, zod schemas of subject and data, and when it is written.
import { z } from "zod";

/** An earlier version of a type's subject and data, kept so events recorded under it still check. */
export type OlderVersion = { version: number; subject: z.ZodType; data: z.ZodType };

export type EventDefinition<T extends string = string, S extends z.ZodType = z.ZodType, D extends z.ZodType = z.ZodType> = {
  type: T;
  /** Version of this type's subject and data; bumped on any change a reader of older events must know about. */
  version: number;
  subject: S;
  data: D;
  /** When the app writes it, in one sentence (docs/events.md). */
  written: string;
  older?: OlderVersion[];
};

export function defineEvent<const T extends string, S extends z.ZodType, D extends z.ZodType>(definition: EventDefinition<T, S, D>) {
  return definition;
}

// Shared field shapes. Ids are the app's own (cuid or uuid); the catalog only says they are non-empty text.
export const id = z.string().min(1);
export const isoTime = z.iso.datetime();
export const sha256Digest = z.string().regex(/^sha256:[0-9a-f]{64}$/).describe("sha256:<64 hex>");
export const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
export const spaceRole = z.enum(["owner", "steward", "auditor", "member"]);

// The vocabularies below mirror the domain modules' (lib/charter/schema.ts, lib/releases/lifecycle.ts,
// lib/decisions/methods/types.ts; test/unit/record/events-catalog.test.ts keeps them equal). They are spelled out here,
// not imported: the record sits below every domain folder (which all append to it), and the catalog is a published
// contract that should change only on purpose, with a version where readers need one.
export const releaseStatuses = ["draft", "in_review", "voting", "approved", "rejected", "published", "deprecated", "yanked", "withdrawn"] as const;
export const auditCategories = ["safety", "bias-fairness", "security", "privacy", "license-compliance", "data-provenance", "evaluation", "other"] as const;
export const severities = ["critical", "high", "medium", "low", "info"] as const;
export const decisionKinds = ["release", "licensing", "deployment", "policy", "membership", "charter"] as const;
export const votingMethods = ["yes-no", "apache-release", "apache-consensus", "lazy-consensus", "plurality", "approval", "irv", "schulze"] as const;
export const registryKinds = ["huggingface", "oci", "github-release", "ollama", "doi", "url"] as const;
export const noData = z.strictObject({});
