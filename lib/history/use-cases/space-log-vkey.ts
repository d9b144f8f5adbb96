// The verifier key (note vkey) of a space's log, under the history's policy: this instance's key under the log's
// origin, or for a mirror its origin's key under the origin's name (lib/record/checkpoint-note.ts).
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { logVkey } from "@/lib/record/checkpoint-note";
import { fail, ok, type Result } from "@/lib/result";
import { openSpaceLog } from "@/lib/history/use-cases/open-space-log";

export async function spaceLogVkey(actor: Actor | null, slug: string): Promise<Result<string>> {
  const { space, logId } = await openSpaceLog(actor, slug, { sequence: false });
  const vkey = await logVkey(logId, { mirror: space.mirrorOf !== null });
  return vkey ? ok(vkey) : fail("NO_NOTE", `This mirror's origin signed no checkpoint note; its checkpoints verify with the key in /.well-known/commonweights.json (originKeys).`, "not_found");
}
