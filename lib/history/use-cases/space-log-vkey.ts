// The verifier key (note vkey) of a space's log: the instance key under the log's origin, under the history's policy.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { logVkey } from "@/lib/record/checkpoint-note";
import { ok, type Result } from "@/lib/result";
import { openSpaceLog } from "@/lib/history/use-cases/open-space-log";

export async function spaceLogVkey(actor: Actor | null, slug: string): Promise<Result<string>> {
  const { space, logId } = await openSpaceLog(actor, slug, { sequence: false });
  return ok(await logVkey(logId, space.slug));
}
