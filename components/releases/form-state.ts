// The release form's state and its conversion to the action's input (shared by the new and edit pages).
import { mofComponents, type ComponentInput, type MofComponentId } from "@/lib/releases/openness";
import type { FormComponent } from "@/lib/releases/prefill";
import { parseSize } from "@/lib/releases/size";

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

/** Rows that say something: a blank artifact row (no name, no digest) is not sent. */
export const keptArtifactRows = (values: ReleaseFormValues): number[] =>
  values.artifacts.flatMap((a, i) => (a.name.trim() !== "" || a.digest.trim() !== "" ? [i] : []));

/** Components sent: included ones, and any with a license typed. */
export const sentComponentIds = (values: ReleaseFormValues): MofComponentId[] =>
  mofComponents.filter((spec) => values.components[spec.id].included || values.components[spec.id].license.trim() !== "").map((spec) => spec.id);

/** Registry links, one per non-empty line. */
export const linkLines = (values: ReleaseFormValues): string[] => values.links.split("\n").map((l) => l.trim()).filter(Boolean);

/** A size as sent: bytes from "6.2 GB" and the like; text that does not parse goes as is, for the server to refuse. */
function sizeOf(text: string): number | string | null {
  if (text.trim() === "") return null;
  const parsed = parseSize(text);
  return parsed.ok ? parsed.bytes : text.trim();
}

export function toActionInput(values: ReleaseFormValues) {
  return {
    modelName: values.modelName,
    version: values.version,
    summary: values.summary,
    changelog: values.changelog,
    previousReleaseId: values.previousReleaseId || null,
    baseModelRef: values.baseModelRef || null,
    artifacts: keptArtifactRows(values)
      .map((i) => values.artifacts[i]!)
      .map((a) => ({ name: a.name, kind: a.kind, digest: a.digest, sizeBytes: sizeOf(a.sizeBytes), uri: a.uri.trim() || null })),
    components: sentComponentIds(values).map((id) => {
      const c = values.components[id];
      return { component: id, included: c.included, license: c.license || null, licenseName: c.licenseName || null, licenseUrl: c.licenseUrl || null };
    }),
    links: linkLines(values),
  };
}

/** The form field an action's error path belongs to: submitted positions back to the rows and components shown. */
export function releaseFieldOf(path: string, values: ReleaseFormValues): string | null {
  const [head, index, ...rest] = path.split(".");
  const n = Number(index);
  if (head === "artifacts" && Number.isInteger(n)) {
    const row = keptArtifactRows(values)[n];
    return row === undefined ? "artifacts" : [head, row, ...rest].join(".");
  }
  if (head === "components" && Number.isInteger(n)) {
    const id = sentComponentIds(values)[n];
    const field = rest[0] === "licenseName" || rest[0] === "licenseUrl" ? rest[0] : "license";
    return id === undefined ? "components" : `components.${id}.${field}`;
  }
  if (head === "links") return "links";
  return head ?? null;
}
