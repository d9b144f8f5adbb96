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
export const noData = z.strictObject({});
