// The releases a new decision in a space can be about.
import "server-only";
import { listSpaceReleases } from "@/lib/decisions/data";

/** Releases a decision can be about, for the opening form. */
export async function releaseOptions(spaceId: string) {
  return listSpaceReleases(spaceId);
}
