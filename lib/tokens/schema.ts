// Inputs for personal access tokens.
import { z } from "zod";

export const createTokenInput = z.strictObject({
  name: z.string().trim().min(1, "Give the token a name").max(80, "Keep the name under 80 characters"),
});
export type CreateTokenInput = z.infer<typeof createTokenInput>;

export const revokeTokenInput = z.strictObject({ tokenId: z.string().min(1).max(64) });
export type RevokeTokenInput = z.infer<typeof revokeTokenInput>;
