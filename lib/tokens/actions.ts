"use server";
// Server actions for personal access tokens (Settings).
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { authorize } from "@/lib/policy";
import { fail, ok } from "@/lib/result";
import { createTokenInput, revokeTokenInput } from "@/lib/tokens/schema";
import { createToken, revokeToken } from "@/lib/tokens/mutations";
import { findToken } from "@/lib/tokens/data";

export const createTokenAction = defineAction(createTokenInput, async (input, actor) => {
  authorize(actor, "token.create");
  const created = await createToken({ userId: actor!.id, name: input.name });
  revalidatePath("/settings");
  return ok({ id: created.id, name: created.name, token: created.token, prefix: created.prefix });
});

export const revokeTokenAction = defineAction(revokeTokenInput, async (input, actor) => {
  authorize(actor, "token.create"); // signed in at all
  const token = await findToken({ userId: actor!.id, tokenId: input.tokenId });
  authorize(actor, "token.revoke", { ownerId: token?.userId });
  if (token?.revokedAt) return fail("ALREADY_REVOKED", "This token was already revoked.", "conflict");
  const revoked = await revokeToken({ userId: actor!.id, tokenId: input.tokenId });
  if (!revoked) return fail("ALREADY_REVOKED", "This token was already revoked.", "conflict");
  revalidatePath("/settings");
  return ok({ tokenId: revoked.tokenId });
});
