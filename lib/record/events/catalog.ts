// The event catalog: every event type the record accepts, as a discriminated union on `type`, and the checks
// that appendEvent (before writing) and the offline verifier (reading an export) run against it.
import type { z } from "zod";
import { accountEvents } from "@/lib/record/events/accounts";
import { archiveEvents } from "@/lib/record/events/archives";
import { auditEvents } from "@/lib/record/events/audits";
import { charterEvents } from "@/lib/record/events/charter";
import { concernEvents } from "@/lib/record/events/concerns";
import { decisionEvents } from "@/lib/record/events/decisions";
import type { EventDefinition } from "@/lib/record/events/define";
import { memberEvents } from "@/lib/record/events/members";
import { releaseEvents, type ReleaseTransitionType } from "@/lib/record/events/releases";
import { spaceEvents } from "@/lib/record/events/spaces";
import { threadEvents } from "@/lib/record/events/threads";
import { webhookEvents } from "@/lib/record/events/webhooks";

export const eventCatalog = [...spaceEvents, ...memberEvents, ...charterEvents, ...releaseEvents, ...auditEvents, ...decisionEvents, ...concernEvents, ...threadEvents, ...accountEvents, ...webhookEvents, ...archiveEvents] as const;

type Definition = (typeof eventCatalog)[number];
export type EventType = Definition["type"];

/** What a writer passes: a catalogued type with its subject and data (zod input types, so optional fields may be left out). */
export type CatalogEvent = { [D in Definition as D["type"]]: { type: D["type"]; subject: z.input<D["subject"]>; data: z.input<D["data"]> } }[EventType];
/** The event of one type, for code that reads the record (describe.ts). */
export type CatalogEventOf<T extends EventType> = Extract<{ [D in Definition as D["type"]]: { type: D["type"]; subject: z.output<D["subject"]>; data: z.output<D["data"]> } }[EventType], { type: T }>;
export type ParsedEvent = { [T in EventType]: CatalogEventOf<T> }[EventType];

/** A person's status change of a release: the type follows the new status (lib/releases/rules.ts transitionEventType). */
export type ReleaseTransitionEvent = Extract<CatalogEvent, { type: ReleaseTransitionType }>;

/** How a write reached the app: a browser session, a bearer token, or the app itself (deadlines, sequencer, seed). */
export const vias = ["session", "token", "system"] as const;
export type Via = (typeof vias)[number];

const byType: ReadonlyMap<string, EventDefinition> = new Map(eventCatalog.map((definition) => [definition.type, definition as EventDefinition]));

export function definitionOf(type: string): EventDefinition | undefined {
  return byType.get(type);
}

export type CatalogCheck = { ok: true; event: ParsedEvent } | { ok: false; reason: string };

function firstIssue(where: "subject" | "data", error: z.ZodError): string {
  const issue = error.issues[0];
  const path = [where, ...(issue?.path ?? []).map(String)].join(".");
  return `${path}: ${issue?.message ?? "invalid"}`;
}

/**
 * Checks a type, version, subject and data against the catalog. `version` is the one the event records; events
 * written before versions were recorded are version 1. Returns the parsed subject and data, or why they do not fit.
 */
export function checkCatalogEvent(event: { type: unknown; typeVersion?: unknown; subject: unknown; data: unknown }): CatalogCheck {
  const definition = typeof event.type === "string" ? byType.get(event.type) : undefined;
  if (!definition) return { ok: false, reason: `type '${String(event.type)}' is not in the event catalog` };
  const version = event.typeVersion ?? 1;
  const schemas = version === definition.version ? definition : definition.older?.find((older) => older.version === version);
  if (!schemas) return { ok: false, reason: `${definition.type} has no version ${String(version)} in the event catalog (current: ${definition.version})` };
  const subject = schemas.subject.safeParse(event.subject);
  if (!subject.success) return { ok: false, reason: `${definition.type} v${String(version)}: ${firstIssue("subject", subject.error)}` };
  const data = schemas.data.safeParse(event.data);
  if (!data.success) return { ok: false, reason: `${definition.type} v${String(version)}: ${firstIssue("data", data.error)}` };
  return { ok: true, event: { type: definition.type, subject: subject.data, data: data.data } as ParsedEvent };
}

/** The catalog's current version of a type (throws for an uncatalogued one). */
export function currentVersion(type: string): number {
  const definition = byType.get(type);
  if (!definition) throw new Error(`type '${type}' is not in the event catalog`);
  return definition.version;
}
