// Creating a space, owned by its creator, under the default charter.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { defaultCharter } from "@/lib/charter/rules";
import { isUniqueViolation } from "@/lib/db-errors";
import { authorize } from "@/lib/policy";
import { fail, ok, type Result } from "@/lib/result";
import { insertSpace } from "@/lib/spaces/mutations";
import { reservedSlugs, type CreateSpaceInput } from "@/lib/spaces/schema";

export async function createSpace(actor: Actor | null, input: CreateSpaceInput): Promise<Result<{ slug: string; receipt: string }>> {
  authorize(actor, "space.create");
  if (reservedSlugs.has(input.slug)) {
    return fail("SLUG_RESERVED", `'${input.slug}' is reserved; choose another slug.`, "invalid", { slug: [`'${input.slug}' is reserved`] });
  }
  try {
    const space = await insertSpace({ input, ownerId: actor!.id, charter: defaultCharter() });
    return ok({ slug: space.slug, receipt: space.receipt });
  } catch (error) {
    if (isUniqueViolation(error)) {
      return fail("SLUG_TAKEN", `The slug '${input.slug}' is taken; choose another.`, "conflict", { slug: ["This slug is taken"] });
    }
    throw error;
  }
}
