// Release use cases, shared by server actions, API routes and pages: authorize, normalise, then write.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { authorize, type Action } from "@/lib/policy";
import { DomainError, fail, ok, type Result } from "@/lib/result";
import { requireSpace } from "@/lib/spaces/access";
import { spaceFacts } from "@/lib/spaces/data";
import type { ReleaseStatus } from "@/lib/releases/lifecycle";
import { closedReleaseDecision, getRelease, listReleases, listModelNames, releaseRecordEvents, releaseSpace } from "@/lib/releases/data";
import { buildManifest } from "@/lib/releases/manifest";
import { createRelease, updateRelease, type NormalFields, type ReleasePatch } from "@/lib/releases/mutations";
// The write that shares this use case's name (transitionRelease) is reached as mutations.transitionRelease.
import * as mutations from "@/lib/releases/mutations";
import { checkWithdrawalReason, normalizeArtifacts, normalizeBaseModel, normalizeComponents, normalizeLinks, transitionAction, type RuleResult } from "@/lib/releases/rules";
import type { CreateReleaseInput, TransitionReleaseInput, UpdateReleaseInput } from "@/lib/releases/schema";

const invalid = (r: Extract<RuleResult<unknown>, { ok: false }>) => fail(r.code, r.message, "invalid", { [r.field]: [r.message] });

type Parts = Pick<CreateReleaseInput, "artifacts" | "components" | "links" | "baseModelRef">;

/** Every parser runs before anything is written, so bad input leaves no trace. */
function normalizeParts(input: Partial<Parts>): Result<Partial<Pick<NormalFields, "artifacts" | "components" | "links" | "baseModelRef">>> {
  const out: Partial<Pick<NormalFields, "artifacts" | "components" | "links" | "baseModelRef">> = {};
  if (input.artifacts !== undefined) {
    const artifacts = normalizeArtifacts(input.artifacts);
    if (!artifacts.ok) return invalid(artifacts);
    out.artifacts = artifacts.value;
  }
  if (input.components !== undefined) {
    const components = normalizeComponents(input.components);
    if (!components.ok) return invalid(components);
    out.components = components.value;
  }
  if (input.links !== undefined) {
    const links = normalizeLinks(input.links);
    if (!links.ok) return invalid(links);
    out.links = links.value;
  }
  if (input.baseModelRef !== undefined) {
    const base = normalizeBaseModel(input.baseModelRef);
    if (!base.ok) return invalid(base);
    out.baseModelRef = base.value;
  }
  return ok(out);
}

export async function proposeRelease(actor: Actor | null, input: CreateReleaseInput): Promise<Result<{ id: string; spaceSlug: string; receipt: string }>> {
  const access = await requireSpace(actor, input.spaceSlug, "release.propose");
  const parts = normalizeParts(input);
  if (!parts.ok) return parts;
  const created = await createRelease({
    spaceId: access.space.id,
    actorId: actor!.id,
    fields: {
      modelName: input.modelName,
      version: input.version,
      summary: input.summary,
      changelog: input.changelog,
      previousReleaseId: input.previousReleaseId || null,
      baseModelRef: parts.data.baseModelRef ?? null,
      artifacts: parts.data.artifacts ?? [],
      components: parts.data.components ?? [],
      links: parts.data.links ?? [],
    },
  });
  return created.ok ? ok({ ...created.data, spaceSlug: access.space.slug }) : created;
}

const noSuchRelease = () => new DomainError("NOT_FOUND", "No such release.", "not_found");

/**
 * The release's space as this reader sees it. A release of a private space they cannot see answers
 * exactly like a release that does not exist: same code, same message.
 */
async function readableSpace(actor: Actor | null, slug: string) {
  try {
    return await requireSpace(actor, slug, "release.view");
  } catch (error) {
    if (error instanceof DomainError && error.kind === "not_found") throw noSuchRelease();
    throw error;
  }
}

/** Finds the release and shows it only to its readers; anyone else is told it does not exist. */
async function readableRelease(actor: Actor | null, releaseId: string) {
  const found = await releaseSpace(releaseId);
  if (!found) throw noSuchRelease();
  const access = await readableSpace(actor, found.space.slug);
  return { found, access };
}

/** Asks the policy with the release's facts: its space, the actor's role there, and who proposed it. */
function authorizeOn(actor: Actor | null, action: Action, { found, access }: Awaited<ReturnType<typeof readableRelease>>) {
  authorize(actor, action, { space: spaceFacts(access), proposerId: found.createdById });
}

export async function editRelease(actor: Actor | null, input: UpdateReleaseInput): Promise<Result<{ id: string; spaceSlug: string; changed: string[] }>> {
  const readable = await readableRelease(actor, input.releaseId);
  authorizeOn(actor, "release.edit", readable);
  const { access } = readable;
  const parts = normalizeParts(input);
  if (!parts.ok) return parts;
  const patch: ReleasePatch = {
    ...(input.modelName !== undefined ? { modelName: input.modelName } : {}),
    ...(input.version !== undefined ? { version: input.version } : {}),
    ...(input.summary !== undefined ? { summary: input.summary } : {}),
    ...(input.changelog !== undefined ? { changelog: input.changelog } : {}),
    ...(input.previousReleaseId !== undefined ? { previousReleaseId: input.previousReleaseId || null } : {}),
    ...parts.data,
  };
  const updated = await updateRelease({ releaseId: input.releaseId, actorId: actor!.id, patch });
  return updated.ok ? ok({ id: updated.data.id, spaceSlug: access.space.slug, changed: updated.data.changed }) : updated;
}

export async function transitionRelease(actor: Actor | null, input: TransitionReleaseInput): Promise<Result<{ id: string; spaceSlug: string; from: ReleaseStatus; to: ReleaseStatus; receipt: string }>> {
  // Readers first: a private space's release stays invisible to outsiders, whatever they ask for.
  const readable = await readableRelease(actor, input.releaseId);
  const { found, access } = readable;
  const needed = transitionAction(found.status, input.to);
  if (!needed.ok) return fail(needed.code, needed.message, "rule");
  authorizeOn(actor, needed.action, readable);
  const reason = checkWithdrawalReason(input.to, input.reason);
  if (!reason.ok) return invalid(reason);
  const moved = await mutations.transitionRelease({ releaseId: input.releaseId, actorId: actor!.id, from: found.status, to: input.to, note: input.note, reason: reason.value });
  return moved.ok ? ok({ ...moved.data, spaceSlug: access.space.slug }) : moved;
}

export async function spaceReleases(actor: Actor | null, spaceSlug: string, filter: { status?: ReleaseStatus; model?: string } = {}) {
  const access = await requireSpace(actor, spaceSlug, "release.view");
  const [releases, models] = await Promise.all([listReleases(access.space.id, filter), listModelNames(access.space.id)]);
  return { access, releases, models };
}

export async function viewRelease(actor: Actor | null, releaseId: string) {
  const release = await getRelease(releaseId);
  if (!release) throw noSuchRelease();
  const access = await readableSpace(actor, release.space.slug);
  return { access, release };
}

/** A release as a space's pages read it: another space's release is not in this one, whatever its visibility. */
export async function viewSpaceRelease(actor: Actor | null, spaceSlug: string, releaseId: string) {
  const viewed = await viewRelease(actor, releaseId);
  if (viewed.release.space.slug !== spaceSlug) throw noSuchRelease();
  return viewed;
}

export async function releaseManifest(actor: Actor | null, releaseId: string) {
  const { release } = await viewRelease(actor, releaseId);
  const [decision, events] = await Promise.all([closedReleaseDecision(releaseId), releaseRecordEvents(releaseId)]);
  return buildManifest({ release, decision, events });
}
