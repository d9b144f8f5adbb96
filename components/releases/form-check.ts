// Every problem of a release form at once, found in the browser with the same parsers the server runs, so a
// person fixes them in one pass rather than one per submit. Keys are the form's field names.
import type { FieldErrors } from "@/components/ui/form";
import { keptArtifactRows, linkLines, sentComponentIds, type ReleaseFormValues } from "@/components/releases/form-state";
import { parseLicenseExpression } from "@/lib/licensing/spdx";
import { parseDigest } from "@/lib/registry/digest";
import { parseRegistryRef } from "@/lib/registry/rules";
import { mofComponents } from "@/lib/releases/openness";
import { normalizeBaseModel } from "@/lib/releases/rules";
import { regarding } from "@/lib/releases/regarding";
import { releaseFields } from "@/lib/releases/schema";
import { parseSize } from "@/lib/releases/size";

const firstMessage = (result: { success: boolean; error?: { issues: Array<{ message: string }> } }) =>
  result.success ? null : (result.error?.issues[0]?.message ?? null);

export function releaseProblems(values: ReleaseFormValues, { parts = true }: { parts?: boolean } = {}): FieldErrors {
  const problems: FieldErrors = {};
  const add = (field: string, message: string | null | undefined) => {
    if (message) (problems[field] ??= []).push(/[.?!]$/.test(message) ? message : `${message}.`);
  };
  add("modelName", firstMessage(releaseFields.shape.modelName.safeParse(values.modelName)));
  add("version", firstMessage(releaseFields.shape.version.safeParse(values.version)));
  const base = normalizeBaseModel(values.baseModelRef);
  if (!base.ok) add("baseModelRef", base.message);
  if (parts) {
    const names = new Map<string, number>();
    for (const i of keptArtifactRows(values)) {
      const row = values.artifacts[i]!;
      const field = `artifacts.${i}`;
      const name = row.name.trim();
      if (name === "") add(`${field}.name`, "Give the artifact a name.");
      else if (names.has(name.toLowerCase())) add(`${field}.name`, `Artifact ${names.get(name.toLowerCase())! + 1} has this name too; give each artifact its own.`);
      else names.set(name.toLowerCase(), i);
      if (row.digest.trim() === "") add(`${field}.digest`, "Give the artifact's sha256 digest.");
      else {
        const digest = parseDigest(row.digest);
        if (!digest.ok) add(`${field}.digest`, digest.message);
      }
      if (row.sizeBytes.trim() !== "") {
        const size = parseSize(row.sizeBytes);
        if (!size.ok) add(`${field}.sizeBytes`, size.message);
      }
      if (row.uri.trim() !== "") {
        const uri = parseRegistryRef(row.uri);
        if (!uri.ok) add(`${field}.uri`, uri.message);
      }
    }
    for (const id of sentComponentIds(values)) {
      const c = values.components[id];
      const label = mofComponents.find((spec) => spec.id === id)?.label ?? id;
      const field = `components.${id}`;
      if (c.license.trim() === "") continue;
      const license = parseLicenseExpression(c.license.trim());
      if (!license.ok) {
        add(`${field}.license`, license.message);
        continue;
      }
      if (license.value.refs.length > 0) {
        if (c.licenseName.trim() === "") add(`${field}.licenseName`, `${license.value.refs.join(", ")} is a custom license: give its name.`);
        if (c.licenseUrl.trim() === "") add(`${field}.licenseUrl`, `Give a link to the text of the ${label} license.`);
        else if (!/^https:\/\/\S+$/.test(c.licenseUrl.trim())) add(`${field}.licenseUrl`, "The license link must be an https:// address.");
      }
    }
  }
  for (const line of linkLines(values)) {
    const ref = parseRegistryRef(line);
    if (!ref.ok) add("links", regarding(`the reference “${line}”`, ref.message));
  }
  return problems;
}
