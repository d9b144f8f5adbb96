// Turns a parsed Hugging Face model card into values for the "new release" form.
import { mapHuggingFaceLicense } from "@/lib/licensing/huggingface";
import type { ModelCardPrefill } from "@/lib/releases/model-card";
import type { MofComponentId } from "@/lib/releases/openness";

export type FormComponent = { included: boolean; license: string; licenseName: string; licenseUrl: string };

export type ReleasePrefill = {
  modelName?: string;
  baseModelRef?: string;
  summary: string;
  /** Components the card tells us about, keyed by MOF id. */
  components: Partial<Record<MofComponentId, FormComponent>>;
  /** What was read, for the person to check. */
  facts: string[];
  warnings: string[];
};

// A model repository's license covers the architecture code, the weights and the card that ships with them.
const licensedByCard: readonly MofComponentId[] = ["model-architecture", "final-parameters", "model-card"];

export function prefillFromCard(card: ModelCardPrefill): ReleasePrefill {
  const warnings = [...card.warnings];
  const facts: string[] = [];
  const components: ReleasePrefill["components"] = {};
  const prefill: ReleasePrefill = { summary: "", components, facts, warnings };

  if (card.modelName) prefill.modelName = card.modelName;
  const [base, ...otherBases] = card.baseModels;
  if (base !== undefined) {
    prefill.baseModelRef = base;
    if (otherBases.length > 0) warnings.push(`The card names several base models; '${base}' was used (also: ${otherBases.join(", ")}).`);
  }

  if (card.license !== undefined) {
    const extra = { ...(card.licenseName ? { name: card.licenseName } : {}), ...(card.licenseLink ? { link: card.licenseLink } : {}) };
    const mapped = mapHuggingFaceLicense(card.license, extra);
    if (mapped.ok) {
      const entry: FormComponent = {
        included: true,
        license: mapped.value.spdx,
        licenseName: mapped.value.custom?.name ?? "",
        licenseUrl: mapped.value.custom?.url ?? "",
      };
      for (const id of licensedByCard) components[id] = { ...entry };
      facts.push(`License: ${card.license} → ${mapped.value.spdx}`);
      if (mapped.value.note) warnings.push(mapped.value.note);
    } else {
      warnings.push(mapped.message);
    }
  }
  if (card.datasets.length > 0) {
    // Naming the datasets says they exist, not under which license; the person fills that in.
    components.datasets = { included: true, license: "", licenseName: "", licenseUrl: "" };
    facts.push(`Datasets: ${card.datasets.join(", ")}`);
  }
  if (card.pipelineTag) facts.push(`Pipeline: ${card.pipelineTag}`);
  if (card.languages.length > 0) facts.push(`Languages: ${card.languages.join(", ")}`);
  if (card.tags.length > 0) facts.push(`Tags: ${card.tags.join(", ")}`);

  const metadata = facts.filter((f) => !f.startsWith("License:")).map((f) => `- ${f}`);
  prefill.summary = [card.body.trim().slice(0, 20_000), metadata.length > 0 ? `**From the model card**\n\n${metadata.join("\n")}` : ""]
    .filter(Boolean)
    .join("\n\n");
  return prefill;
}
