// Release writes. Each locks the release row, re-checks the pure rules on fresh state, writes its rows and
// appends its record event in the same transaction: both commit or neither does.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { appendEvent } from "@/lib/record/append";
import type { ReleaseTransitionEvent } from "@/lib/record/events/catalog";
import { fail, ok, type Result } from "@/lib/result";
import { checkTransition, type ReleaseStatus } from "@/lib/releases/lifecycle";
import { classifyOpenness, type MofComponentId } from "@/lib/releases/openness";
import {
  checkEdit,
  digestsChangedSinceVote,
  sameArtifacts,
  sameComponents,
  sortedDigests,
  transitionEventType,
  type EditScope,
  type NormalArtifact,
  type NormalComponent,
  type NormalLink,
} from "@/lib/releases/rules";

export type NormalFields = {
  modelName: string;
  version: string;
  summary: string;
  changelog: string;
  previousReleaseId: string | null;
  baseModelRef: string | null;
  artifacts: NormalArtifact[];
  components: NormalComponent[];
  links: NormalLink[];
};

const duplicateVersion = (modelName: string, version: string) =>
  fail("DUPLICATE_VERSION", `${modelName} ${version} already exists in this space; choose another version.`, "conflict", {
    version: ["This version already exists for this model"],
  });


const classOf = (components: readonly NormalComponent[]) =>
  classifyOpenness(components.map((c) => ({ component: c.component as MofComponentId, included: c.included, license: c.license })));

async function checkLineage(tx: Tx, spaceId: string, previousReleaseId: string | null, selfId?: string): Promise<Result<null>> {
  if (previousReleaseId === null) return ok(null);
  if (previousReleaseId === selfId) return fail("BAD_LINEAGE", "A release cannot be its own previous release.", "invalid", { previousReleaseId: ["Pick another release"] });
  const previous = await tx.release.findUnique({ where: { id: previousReleaseId }, select: { spaceId: true } });
  if (!previous || previous.spaceId !== spaceId) {
    return fail("PREVIOUS_NOT_FOUND", "The previous release must be a release of this space.", "invalid", { previousReleaseId: ["No such release in this space"] });
  }
  return ok(null);
}

async function writeParts(tx: Tx, releaseId: string, parts: { artifacts?: NormalArtifact[]; components?: NormalComponent[]; links?: NormalLink[] }) {
  if (parts.artifacts) {
    await tx.artifact.deleteMany({ where: { releaseId } });
    await tx.artifact.createMany({
      data: parts.artifacts.map((a) => ({ releaseId, name: a.name, kind: a.kind, digest: a.digest, sizeBytes: a.sizeBytes === null ? null : BigInt(a.sizeBytes), uri: a.uri })),
    });
  }
  if (parts.components) {
    await tx.releaseComponent.deleteMany({ where: { releaseId } });
    await tx.releaseComponent.createMany({ data: parts.components.map((c) => ({ releaseId, ...c })) });
  }
  if (parts.links) {
    await tx.registryLink.deleteMany({ where: { releaseId } });
    await tx.registryLink.createMany({ data: parts.links.map((l) => ({ releaseId, ...l })) });
  }
}

export async function createRelease({ spaceId, actorId, fields }: { spaceId: string; actorId: string; fields: NormalFields }): Promise<Result<{ id: string; receipt: string }>> {
  try {
    return await db.$transaction(async (tx) => {
      const existing = await tx.release.findUnique({ where: { spaceId_modelName_version: { spaceId, modelName: fields.modelName, version: fields.version } }, select: { id: true } });
      if (existing) return duplicateVersion(fields.modelName, fields.version);
      // Without an explicit lineage, a new version follows the latest release of the same model.
      let previousReleaseId = fields.previousReleaseId;
      if (previousReleaseId === null && fields.baseModelRef === null) {
        const latest = await tx.release.findFirst({ where: { spaceId, modelName: fields.modelName }, orderBy: { createdAt: "desc" }, select: { id: true } });
        previousReleaseId = latest?.id ?? null;
      }
      const lineage = await checkLineage(tx, spaceId, previousReleaseId);
      if (!lineage.ok) return lineage;
      const release = await tx.release.create({
        data: {
          spaceId,
          modelName: fields.modelName,
          version: fields.version,
          summary: fields.summary,
          changelog: fields.changelog,
          previousReleaseId,
          baseModelRef: fields.baseModelRef,
          createdById: actorId,
        },
        select: { id: true },
      });
      await writeParts(tx, release.id, fields);
      const openness = classOf(fields.components);
      const event = await appendEvent(tx, {
        spaceId,
        actorId,
        type: "release.proposed",
        subject: { releaseId: release.id },
        data: {
          modelName: fields.modelName,
          version: fields.version,
          digests: sortedDigests(fields.artifacts.map((a) => a.digest)),
          mofClass: openness.class,
          links: fields.links.map((l) => l.reference),
        },
      });
      return ok({ id: release.id, receipt: event.receipt });
    });
  } catch (error) {
    if (isUniqueViolation(error)) return duplicateVersion(fields.modelName, fields.version);
    throw error;
  }
}

async function lockedRelease(tx: Tx, releaseId: string) {
  await tx.$queryRaw`SELECT id FROM releases WHERE id = ${releaseId} FOR UPDATE`;
  return tx.release.findUnique({
    where: { id: releaseId },
    include: {
      artifacts: { select: { name: true, kind: true, digest: true, sizeBytes: true, uri: true } },
      components: { select: { component: true, included: true, license: true, licenseName: true, licenseUrl: true } },
      links: { select: { kind: true, reference: true, pinned: true, display: true, url: true } },
    },
  });
}

export type ReleasePatch = Partial<NormalFields>;

export async function updateRelease({ releaseId, actorId, patch }: { releaseId: string; actorId: string; patch: ReleasePatch }): Promise<Result<{ id: string; receipt: string | null; changed: string[] }>> {
  try {
    return await db.$transaction(async (tx) => {
      const current = await lockedRelease(tx, releaseId);
      if (!current) return fail("NOT_FOUND", "No such release.", "not_found");
      const currentArtifacts: NormalArtifact[] = current.artifacts.map((a) => ({ ...a, sizeBytes: a.sizeBytes === null ? null : Number(a.sizeBytes) }));
      const currentComponents = current.components as NormalComponent[];
      const modelName = patch.modelName ?? current.modelName;
      const version = patch.version ?? current.version;
      const changes: EditScope = {
        identity:
          modelName !== current.modelName ||
          version !== current.version ||
          (patch.previousReleaseId !== undefined && patch.previousReleaseId !== current.previousReleaseId) ||
          (patch.baseModelRef !== undefined && patch.baseModelRef !== current.baseModelRef),
        artifacts: patch.artifacts !== undefined,
        components: patch.components !== undefined,
        links: patch.links !== undefined && JSON.stringify(patch.links.map((l) => l.reference).sort()) !== JSON.stringify(current.links.map((l) => l.reference).sort()),
        text: (patch.summary !== undefined && patch.summary !== current.summary) || (patch.changelog !== undefined && patch.changelog !== current.changelog),
      };
      const editable = checkEdit({
        status: current.status,
        changes,
        current: { artifacts: currentArtifacts, components: currentComponents },
        next: { artifacts: patch.artifacts, components: patch.components },
      });
      if (!editable.ok) return fail(editable.code, editable.message, "rule", { [editable.field]: [editable.message] });
      if (modelName !== current.modelName || version !== current.version) {
        const clash = await tx.release.findFirst({ where: { spaceId: current.spaceId, modelName, version, id: { not: releaseId } }, select: { id: true } });
        if (clash) return duplicateVersion(modelName, version);
      }
      if (patch.previousReleaseId !== undefined) {
        const lineage = await checkLineage(tx, current.spaceId, patch.previousReleaseId, releaseId);
        if (!lineage.ok) return lineage;
      }

      const beforeDigests = sortedDigests(currentArtifacts.map((a) => a.digest));
      const afterDigests = patch.artifacts ? sortedDigests(patch.artifacts.map((a) => a.digest)) : beforeDigests;
      const beforeClass = classOf(currentComponents).class;
      const afterClass = patch.components ? classOf(patch.components).class : beforeClass;
      const changed = [
        ...(modelName !== current.modelName ? ["model name"] : []),
        ...(version !== current.version ? ["version"] : []),
        ...(patch.summary !== undefined && patch.summary !== current.summary ? ["summary"] : []),
        ...(patch.changelog !== undefined && patch.changelog !== current.changelog ? ["changelog"] : []),
        ...(patch.previousReleaseId !== undefined && patch.previousReleaseId !== current.previousReleaseId ? ["previous release"] : []),
        ...(patch.baseModelRef !== undefined && patch.baseModelRef !== current.baseModelRef ? ["base model"] : []),
        ...(patch.artifacts && !sameArtifacts(patch.artifacts, currentArtifacts) ? ["artifacts"] : []),
        ...(patch.components && !sameComponents(patch.components, currentComponents) ? ["components"] : []),
        ...(changes.links ? ["registry links"] : []),
      ];
      if (changed.length === 0) return ok({ id: releaseId, receipt: null, changed });

      await tx.release.update({
        where: { id: releaseId },
        data: {
          modelName,
          version,
          ...(patch.summary !== undefined ? { summary: patch.summary } : {}),
          ...(patch.changelog !== undefined ? { changelog: patch.changelog } : {}),
          ...(patch.previousReleaseId !== undefined ? { previousReleaseId: patch.previousReleaseId } : {}),
          ...(patch.baseModelRef !== undefined ? { baseModelRef: patch.baseModelRef } : {}),
        },
      });
      await writeParts(tx, releaseId, {
        artifacts: changed.includes("artifacts") ? patch.artifacts : undefined,
        components: changed.includes("components") ? patch.components : undefined,
        links: changes.links ? patch.links : undefined,
      });
      const event = await appendEvent(tx, {
        spaceId: current.spaceId,
        actorId,
        type: "release.edited",
        subject: { releaseId },
        data: {
          changed,
          ...(changed.includes("artifacts") ? { digests: afterDigests, previousDigests: beforeDigests } : {}),
          ...(afterClass !== beforeClass ? { mofClass: { from: beforeClass, to: afterClass } } : {}),
          ...(changes.links ? { links: (patch.links ?? []).map((l) => l.reference) } : {}),
        },
      });
      return ok({ id: releaseId, receipt: event.receipt, changed });
    });
  } catch (error) {
    if (isUniqueViolation(error)) return duplicateVersion(patch.modelName ?? "This model", patch.version ?? "version");
    throw error;
  }
}

export async function transitionRelease({
  releaseId,
  actorId,
  from,
  to,
  note,
  reason = null,
  now = new Date(),
}: {
  releaseId: string;
  actorId: string;
  from: ReleaseStatus;
  to: ReleaseStatus;
  note: string;
  /** Why, for a withdrawal: kept in the record event. */
  reason?: string | null;
  now?: Date;
}): Promise<Result<{ id: string; from: ReleaseStatus; to: ReleaseStatus; receipt: string }>> {
  return db.$transaction(async (tx) => {
    const release = await lockedRelease(tx, releaseId);
    if (!release) return fail("NOT_FOUND", "No such release.", "not_found");
    if (release.status !== from) {
      return fail("STALE_STATUS", `The release moved to ${release.status.replace("_", " ")} meanwhile; reload and try again.`, "conflict");
    }
    const digests = release.artifacts.map((a) => a.digest);
    const check = checkTransition({
      from,
      to,
      via: "user",
      gates: {
        artifactCount: release.artifacts.length,
        unpinnedLinks: release.links.filter((l) => !l.pinned).map((l) => l.display),
        digestsChangedSinceVote: release.votedDigests.length === 0 || digestsChangedSinceVote(digests, release.votedDigests),
      },
    });
    if (!check.ok) return fail(check.code, check.message, "rule");
    await tx.release.update({ where: { id: releaseId }, data: { status: to, ...(to === "published" ? { publishedAt: now } : {}) } });
    const event = await appendEvent(tx, {
      spaceId: release.spaceId,
      actorId,
      // The type follows `to`, which the compiler cannot pair with the data; the catalog checks the pair when it is written.
      ...({
        type: transitionEventType(to),
        subject: { releaseId },
        data: {
          from,
          to,
          ...(note ? { note } : {}),
          ...(reason ? { reason } : {}),
          ...(to === "published"
            ? { digests: sortedDigests(digests), registry: release.links.map((l) => ({ kind: l.kind, reference: l.reference, pinned: l.pinned })) }
            : {}),
        },
      } as ReleaseTransitionEvent),
    });
    return ok({ id: releaseId, from, to, receipt: event.receipt });
  });
}
