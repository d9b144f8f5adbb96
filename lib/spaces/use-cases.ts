// Space use cases, shared by server actions and the API: authorize through the policy, then write. A space's charter is
// read and amended here too, because every use case that authorizes goes through requireSpace, which reads the charter.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { currentCharter } from "@/lib/charter/data";
// The write shares the use case's name (one name per use case in every layer): reached through the module.
import * as charterMutations from "@/lib/charter/mutations";
import { defaultCharter, diffCharter, parseCharter } from "@/lib/charter/rules";
import { isUniqueViolation } from "@/lib/db-errors";
import { authorize } from "@/lib/policy";
import { fail, ok, type Result } from "@/lib/result";
import { requireSpace } from "@/lib/spaces/access";
import { listVisibleSpaces, spaceCounts } from "@/lib/spaces/data";
import { insertSpace, saveSpaceSettings } from "@/lib/spaces/mutations";
import { reservedSlugs, type CreateSpaceInput, type UpdateSpaceInput } from "@/lib/spaces/schema";

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

export async function updateSpace(actor: Actor | null, input: UpdateSpaceInput): Promise<Result<{ changed: string[] }>> {
  const access = await requireSpace(actor, input.spaceSlug, "space.update");
  const saved = await saveSpaceSettings({ spaceId: access.space.id, actorId: actor!.id, input });
  return ok({ changed: saved.changed });
}

export async function viewSpace(actor: Actor | null, slug: string) {
  const access = await requireSpace(actor, slug);
  const counts = await spaceCounts(access.space.id);
  return { ...access, counts };
}

export function spaceJson(
  space: { slug: string; name: string; description: string; visibility: "public" | "private"; homepageUrl: string | null; sourceUrl: string | null; hfOrg: string | null; createdAt: Date },
  extra: { memberCount: number; yourRole: string | null },
) {
  return {
    slug: space.slug,
    name: space.name,
    description: space.description,
    visibility: space.visibility,
    homepageUrl: space.homepageUrl,
    sourceUrl: space.sourceUrl,
    hfOrg: space.hfOrg,
    createdAt: space.createdAt.toISOString(),
    ...extra,
  };
}

export async function listSpaces(actor: Actor | null) {
  const spaces = await listVisibleSpaces({ viewerId: actor?.id ?? null, take: 200 });
  return spaces.map((s) =>
    spaceJson(s, {
      memberCount: s._count.memberships,
      yourRole: (s.memberships as Array<{ role: string }> | undefined)?.[0]?.role ?? null,
    }),
  );
}

export async function viewCharter(actor: Actor | null, spaceSlug: string) {
  const access = await requireSpace(actor, spaceSlug, "charter.view");
  return { access, current: await currentCharter(access.space.id) };
}

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
