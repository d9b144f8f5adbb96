// Open concerns per decision or release, for lists the caller has already loaded through their own use case
// (which checked the space): counts only, nothing of the concerns' text.
import "server-only";
import { openConcernCounts } from "@/lib/concerns/data";
import type { ConcernSubjectKind } from "@/lib/concerns/rules";

export async function countOpenConcerns(on: ConcernSubjectKind, ids: readonly string[]): Promise<Record<string, number>> {
  return openConcernCounts(on, ids);
}
