// JSON shapes of releases for the API (pure: takes rows already read).
import { classifyOpenness, type MofComponentId } from "@/lib/releases/openness";
import type { ReleaseStatus } from "@/lib/releases/lifecycle";

type ComponentRow = { component: string; included: boolean; license: string | null; licenseName: string | null; licenseUrl: string | null };

export const opennessOf = (components: ReadonlyArray<Pick<ComponentRow, "component" | "included" | "license">>) =>
  classifyOpenness(components.map((c) => ({ component: c.component as MofComponentId, included: c.included, license: c.license })));

export type ReleaseRow = {
  id: string;
  modelName: string;
  version: string;
  status: ReleaseStatus;
  summary: string;
  changelog: string;
  previousReleaseId: string | null;
  baseModelRef: string | null;
  votedDigests: string[];
  votingOpenedAt: Date | null;
  publishedAt: Date | null;
  createdAt: Date;
  space: { slug: string };
  artifacts: Array<{ name: string; kind: "weights" | "tokenizer" | "config" | "code" | "dataset" | "evaluation" | "documentation" | "other"; digest: string; sizeBytes: bigint | null; uri: string | null }>;
  components: ComponentRow[];
  links: Array<{ kind: string; reference: string; pinned: boolean; display: string; url: string | null }>;
};

export function releaseJson(r: ReleaseRow) {
  const openness = opennessOf(r.components);
  return {
    id: r.id,
    space: r.space.slug,
    modelName: r.modelName,
    version: r.version,
    status: r.status,
    summary: r.summary,
    changelog: r.changelog,
    previousReleaseId: r.previousReleaseId,
    baseModelRef: r.baseModelRef,
    votedDigests: r.votedDigests,
    votingOpenedAt: r.votingOpenedAt?.toISOString() ?? null,
    publishedAt: r.publishedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    artifacts: r.artifacts.map((a) => ({ ...a, sizeBytes: a.sizeBytes === null ? null : Number(a.sizeBytes) })),
    components: r.components,
    links: r.links,
    openness: {
      class: openness.class,
      label: openness.label,
      nextClass: openness.nextClass,
      missingForNext: openness.missingForNext,
      warnings: openness.warnings,
    },
  };
}

export function releaseListJson(r: {
  id: string;
  modelName: string;
  version: string;
  status: ReleaseStatus;
  createdAt: Date;
  publishedAt: Date | null;
  _count: { artifacts: number };
  components: Array<{ component: string; included: boolean; license: string | null }>;
}) {
  return {
    id: r.id,
    modelName: r.modelName,
    version: r.version,
    status: r.status,
    mofClass: opennessOf(r.components).class,
    artifactCount: r._count.artifacts,
    createdAt: r.createdAt.toISOString(),
    publishedAt: r.publishedAt?.toISOString() ?? null,
  };
}
