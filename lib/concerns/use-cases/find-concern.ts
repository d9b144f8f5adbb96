// Finds a concern and its subject for a change, answering another space's or an invisible space's concern as missing.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { getConcern, type ConcernRow } from "@/lib/concerns/data";
import { loadSubject, noSuch, type LoadedSubject } from "@/lib/concerns/use-cases/load-subject";
import { DomainError } from "@/lib/result";

export async function findConcern(actor: Actor | null, concernId: string): Promise<{ concern: ConcernRow; loaded: LoadedSubject }> {
  const concern = await getConcern(concernId);
  if (!concern) throw noSuch("concern");
  const kind = concern.decisionId ? "decision" : "release";
  try {
    return { concern, loaded: await loadSubject(actor, kind, concern.decisionId ?? concern.releaseId ?? "") };
  } catch (error) {
    if (error instanceof DomainError && error.kind === "not_found") throw noSuch("concern");
    throw error;
  }
}
