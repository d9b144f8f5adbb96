// A release's manifest: the release, the decision that approved it and its record events, for the API.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { closedReleaseDecision, releaseRecordEvents } from "@/lib/releases/data";
import { buildManifest } from "@/lib/releases/manifest";
import { viewRelease } from "@/lib/releases/use-cases/view-release";

export async function releaseManifest(actor: Actor | null, releaseId: string) {
  const { release } = await viewRelease(actor, releaseId);
  const [decision, events] = await Promise.all([closedReleaseDecision(releaseId), releaseRecordEvents(releaseId)]);
  return buildManifest({ release, decision, events });
}
