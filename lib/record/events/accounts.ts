// Catalogued events of accounts, outside any space (the instance log): users and personal access tokens.
import { z } from "zod";
import { defineEvent, id, noData } from "@/lib/record/events/define";

export const accountEvents = [
  defineEvent({
    type: "user.created",
    version: 1,
    subject: z.strictObject({ userId: id }),
    data: z.strictObject({ name: z.string().nullable(), via: z.literal("admin").describe("How the account was made: the operators' admin command") }),
    written: "An operator creates an account with the admin command (sign-ups through a provider are not recorded here).",
  }),
  defineEvent({
    type: "user.renamed",
    version: 1,
    subject: z.strictObject({ userId: id }),
    data: z.strictObject({ from: z.string().nullable().describe("The display name before (null when there was none)"), to: z.string().min(1) }),
    written: "A person changes their own display name: every history shows names by id, so the record keeps who was called what, and when.",
  }),
  defineEvent({
    type: "token.created",
    version: 1,
    subject: z.strictObject({ tokenId: id }),
    data: z.strictObject({ name: z.string(), prefix: z.string().describe("The token's displayed prefix; the secret is never recorded") }),
    written: "A person creates a personal access token for the API.",
  }),
  defineEvent({ type: "token.revoked", version: 1, subject: z.strictObject({ tokenId: id }), data: noData, written: "A person revokes one of their tokens." }),
] as const;
