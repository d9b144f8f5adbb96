// Catalogued events of archives: a space imported from another instance as a fork or a mirror, a mirror that stopped
// following, and people who arrived with an archive claiming their identity.
import { z } from "zod";
import { defineEvent, hex64, id } from "@/lib/record/events/define";

const origin = {
  origin: z.string().min(1).describe("The origin instance's address"),
  originSlug: z.string().min(1).describe("The space's slug at the origin"),
  checkpointSize: z.int().nonnegative().describe("The origin's checkpoint the archive was verified to"),
  rootHash: hex64.describe("That checkpoint's root"),
};

export const archiveEvents = [
  defineEvent({
    type: "space.forked",
    version: 1,
    subject: z.strictObject({ spaceId: id }),
    data: z.strictObject(origin),
    written: "A verified archive is imported as a fork: the first event of the fork's own log, which continues from the imported root.",
  }),
  defineEvent({
    type: "mirror.started",
    version: 1,
    subject: z.strictObject({ spaceId: id }),
    data: z.strictObject({ ...origin, following: z.boolean().describe("Whether it pulls new events from its origin") }),
    written: "A verified archive is imported as a read-only mirror (instance log: the mirror's own log stays the origin's).",
  }),
  defineEvent({
    type: "mirror.stopped",
    version: 1,
    subject: z.strictObject({ spaceId: id }),
    data: z.strictObject({
      reason: z.string(),
      heldSize: z.int().nonnegative(),
      heldRoot: hex64,
      originSize: z.int().nonnegative(),
      originRoot: hex64,
    }),
    written: "A following mirror sees its origin's history rewritten and stops following (instance log; the evidence is kept with the mirror).",
  }),
  defineEvent({
    type: "identity.claimed",
    version: 1,
    subject: z.strictObject({ userId: id }),
    data: z.strictObject({ how: z.enum(["sign-in", "mapped"]).describe("Signed in with the same provider account, or mapped by an operator") }),
    written: "A person who arrived with an archive signs in here with the same provider account (issuer and subject), or is mapped to one.",
  }),
] as const;
