// The release form's state and its conversion to the action's input (shared by the new and edit pages).
import { mofComponents, type ComponentInput, type MofComponentId } from "@/lib/releases/openness";
import type { FormComponent } from "@/lib/releases/prefill";

export type ArtifactRow = { name: string; kind: string; digest: string; sizeBytes: string; uri: string };

export type ReleaseFormValues = {
  modelName: string;
  version: string;
  summary: string;
  changelog: string;
  previousReleaseId: string;
  baseModelRef: string;
  artifacts: ArtifactRow[];
  components: Record<MofComponentId, FormComponent>;
  links: string;
};

export const emptyComponent = (): FormComponent => ({ included: false, license: "", licenseName: "", licenseUrl: "" });
export const emptyArtifact = (): ArtifactRow => ({ name: "", kind: "weights", digest: "", sizeBytes: "", uri: "" });

export function emptyComponents(): Record<MofComponentId, FormComponent> {
  return Object.fromEntries(mofComponents.map((c) => [c.id, emptyComponent()])) as Record<MofComponentId, FormComponent>;
}

export function emptyValues(): ReleaseFormValues {
  return { modelName: "", version: "", summary: "", changelog: "", previousReleaseId: "", baseModelRef: "", artifacts: [emptyArtifact()], components: emptyComponents(), links: "" };
}

export function componentInputs(values: ReleaseFormValues): ComponentInput[] {
  return mofComponents.map((spec) => ({ component: spec.id, included: values.components[spec.id].included, license: values.components[spec.id].license || null }));
}

export function toActionInput(values: ReleaseFormValues) {
  return {
    modelName: values.modelName,
    version: values.version,
    summary: values.summary,
    changelog: values.changelog,
    previousReleaseId: values.previousReleaseId || null,
    baseModelRef: values.baseModelRef || null,
    artifacts: values.artifacts
      .filter((a) => a.name.trim() !== "" || a.digest.trim() !== "")
      .map((a) => ({ name: a.name, kind: a.kind, digest: a.digest, sizeBytes: a.sizeBytes.trim() === "" ? null : a.sizeBytes.trim(), uri: a.uri.trim() || null })),
    components: mofComponents
      .map((spec) => ({ spec, c: values.components[spec.id] }))
      .filter(({ c }) => c.included || c.license.trim() !== "")
      .map(({ spec, c }) => ({ component: spec.id, included: c.included, license: c.license || null, licenseName: c.licenseName || null, licenseUrl: c.licenseUrl || null })),
    links: values.links.split("\n").map((l) => l.trim()).filter(Boolean),
  };
}
