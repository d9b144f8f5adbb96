// Loads the space a page is about; a missing or invisible (private) space is a 404 page.
import { notFound } from "next/navigation";
import { cache } from "react";
import { currentActor } from "@/lib/auth/session";
import { DomainError } from "@/lib/result";
import { requireSpace } from "@/lib/spaces/access";

export const loadSpacePage = cache(async (slug: string) => {
  const actor = await currentActor();
  try {
    return { actor, ...(await requireSpace(actor, slug)) };
  } catch (error) {
    if (error instanceof DomainError && error.kind === "not_found") notFound();
    throw error;
  }
});
