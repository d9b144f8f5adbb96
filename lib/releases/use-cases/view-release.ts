// One release, for its readers.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { getRelease } from "@/lib/releases/data";
import { noSuchRelease, readableSpace } from "@/lib/releases/use-cases/readable-release";

export async function viewRelease(actor: Actor | null, releaseId: string) {
  const release = await getRelease(releaseId);
  if (!release) throw noSuchRelease();
  const access = await readableSpace(actor, release.space.slug);
  return { access, release };
}
