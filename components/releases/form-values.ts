// A stored release as release-form values (for the edit page).
import { emptyComponents, type ReleaseFormValues } from "@/components/releases/form-state";
import { mofComponentIds, type MofComponentId } from "@/lib/releases/openness";

type Stored = {
  modelName: string;
  version: string;
  summary: string;
  changelog: string;
  previousReleaseId: string | null;
  baseModelRef: string | null;
  artifacts: Array<{ name: string; kind: string; digest: string; sizeBytes: bigint | null; uri: string | null }>;
  components: Array<{ component: string; included: boolean; license: string | null; licenseName: string | null; licenseUrl: string | null }>;
  links: Array<{ reference: string }>;
};

export function releaseToFormValues(r: Stored): ReleaseFormValues {
  const components = emptyComponents();
  for (const c of r.components) {
    if (!(mofComponentIds as readonly string[]).includes(c.component)) continue;
    components[c.component as MofComponentId] = { included: c.included, license: c.license ?? "", licenseName: c.licenseName ?? "", licenseUrl: c.licenseUrl ?? "" };
  }
  return {
    modelName: r.modelName,
    version: r.version,
    summary: r.summary,
    changelog: r.changelog,
    previousReleaseId: r.previousReleaseId ?? "",
    baseModelRef: r.baseModelRef ?? "",
    artifacts: r.artifacts.map((a) => ({ name: a.name, kind: a.kind, digest: a.digest, sizeBytes: a.sizeBytes === null ? "" : String(a.sizeBytes), uri: a.uri ?? "" })),
    components,
    links: r.links.map((l) => l.reference).join("\n"),
  };
}
