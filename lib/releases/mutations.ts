// Release writes (transitions in mutations/transition-release.ts). Each locks the release row, re-checks the pure rules on fresh state, writes its rows and
// appends its record event in the same transaction: both commit or neither does.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { appendEvent } from "@/lib/record/append";
import { fail, ok, type Result } from "@/lib/result";
import { lockedRelease } from "@/lib/releases/mutations/locked-release";
import { classifyOpenness, type MofComponentId } from "@/lib/releases/openness";
import {
  checkEdit,
  sameArtifacts,
  sameComponents,
  sortedDigests,
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
