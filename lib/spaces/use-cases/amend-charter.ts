// Amending a space's charter directly, where the charter does not require a decision for it.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { currentCharter } from "@/lib/charter/data";
// The write shares the use case's name (one name per use case in every layer): reached through the module.
import * as charterMutations from "@/lib/charter/mutations";
import { diffCharter, parseCharter } from "@/lib/charter/rules";
import { fail, type Result } from "@/lib/result";
import { requireSpace } from "@/lib/spaces/access";

export async function amendCharter(
  actor: Actor | null,
  input: { spaceSlug: string; charter: unknown; reason: string; basedOnVersion?: number },
): Promise<Result<{ version: number; changes: string[] }>> {
  const access = await requireSpace(actor, input.spaceSlug, "charter.amend");
  const current = await currentCharter(access.space.id);
  if (current.charter.amendments.viaDecision) {
    return fail("AMENDMENT_NEEDS_DECISION", "This space's charter can only be amended by a decision: open a charter-amendment vote.", "rule");
  }
  const parsed = parseCharter(input.charter);
  if (!parsed.ok) {
    const fields = Object.fromEntries(parsed.issues.map((issue) => [issue.path, [issue.message]]));
    return fail("INVALID_CHARTER", parsed.message, "invalid", fields);
  }
  const changes = diffCharter(current.charter, parsed.value);
  if (changes.length === 0) return fail("NO_CHANGE", "The charter is unchanged.", "rule");
  const amended = await charterMutations.amendCharter({
    spaceId: access.space.id,
    actorId: actor!.id,
    charter: parsed.value,
    reason: input.reason,
    basedOnVersion: input.basedOnVersion ?? current.version,
    changes,
  });
  return amended.ok ? { ok: true, data: { version: amended.data.version, changes } } : amended;
}
