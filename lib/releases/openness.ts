// Grades a model release against the LF AI & Data Model Openness Framework (MOF) and the OSI Open Source AI Definition.
//
// Sources: M. White et al., "The Model Openness Framework" (arXiv:2403.13784, LF AI & Data, v1.0), and the
// component table of the LF AI & Data Model Openness Tool (github.com/lfai/model_openness_tool, mof.settings.yml).
// Both put data preprocessing code in Class I (with the datasets it processes), not Class II.
// MOF marks a few components optional (model metadata, sample outputs, supporting libraries); we treat every
// component as required for its class, which is stricter and keeps the classes easy to explain.
import { classifyLicenseNode, type LicenseClassification } from "@/lib/licensing/classes";
import { parseLicenseTree } from "@/lib/licensing/spdx";

export type MofCategory = "code" | "data" | "parameters" | "documentation";
export type MofClass = 1 | 2 | 3;

export const mofComponentIds = [
  "model-architecture",
  "final-parameters",
  "technical-report",
  "evaluation-results",
  "model-card",
  "data-card",
  "sample-outputs",
  "training-code",
  "inference-code",
  "evaluation-code",
  "evaluation-data",
  "supporting-libraries",
  "data-preprocessing-code",
  "datasets",
  "intermediate-parameters",
  "research-paper",
  "model-metadata",
] as const;

export type MofComponentId = (typeof mofComponentIds)[number];

export type MofComponent = { id: MofComponentId; label: string; category: MofCategory; class: MofClass };

const component = (id: MofComponentId, label: string, category: MofCategory, cls: MofClass): MofComponent => ({
  id,
  label,
  category,
  class: cls,
});

// Ordered from Class III (the floor) to Class I, so a UI can list what each step up adds.
export const mofComponents: readonly MofComponent[] = [
  component("model-architecture", "Model architecture", "code", 3),
  component("final-parameters", "Model parameters (final)", "parameters", 3),
  component("technical-report", "Technical report", "documentation", 3),
  component("evaluation-results", "Evaluation results", "documentation", 3),
  component("model-card", "Model card", "documentation", 3),
  component("data-card", "Data card", "documentation", 3),
  component("sample-outputs", "Sample model outputs", "data", 3),
  component("training-code", "Training code", "code", 2),
  component("inference-code", "Inference code", "code", 2),
  component("evaluation-code", "Evaluation code", "code", 2),
  component("evaluation-data", "Evaluation data", "data", 2),
  component("supporting-libraries", "Supporting libraries and tools", "code", 2),
  component("data-preprocessing-code", "Data preprocessing code", "code", 1),
  component("datasets", "Datasets", "data", 1),
  component("intermediate-parameters", "Model parameters (intermediate)", "parameters", 1),
  component("research-paper", "Research paper", "documentation", 1),
  component("model-metadata", "Model metadata", "documentation", 1),
];

export const mofClassLabels: Readonly<Record<MofClass, string>> = {
  1: "Class I Open Science",
  2: "Class II Open Tooling",
  3: "Class III Open Model",
};

export type ComponentInput = { component: MofComponentId; included: boolean; license?: string | null };
export type ComponentStatus = "pass" | "warn" | "fail" | "absent";
export type ComponentResult = { component: MofComponentId; label: string; status: ComponentStatus; reason?: string };
export type MissingComponent = { component: MofComponentId; label: string; reason: string };

export type OpennessResult = {
  class: MofClass | null;
  label: string;
  components: ComponentResult[];
  missingForNext: MissingComponent[];
  nextClass: MofClass | null;
  warnings: string[];
};

type Evaluation = { status: ComponentStatus; reason?: string; warnings: string[] };

const suited: Record<MofCategory, (c: LicenseClassification) => boolean> = {
  code: (c) => c.osi,
  // MOF accepts permissive software licenses such as Apache-2.0 and MIT on weights.
  parameters: (c) => c.openData || c.osi,
  data: (c) => c.openData,
  documentation: (c) => c.openContent,
};

const advice: Record<MofCategory, string> = {
  code: "code should use an OSI-approved license such as Apache-2.0 or MIT",
  parameters: "parameters should use an open data license such as CDLA-Permissive-2.0, or Apache-2.0 or MIT",
  data: "data should use an open data license such as CDLA-Permissive-2.0 or CC-BY-4.0",
  documentation: "documentation should use an open content license such as CC-BY-4.0",
};

function evaluateComponent(spec: MofComponent, input: ComponentInput | undefined): Evaluation {
  if (input === undefined || !input.included) return { status: "absent", reason: "not included", warnings: [] };
  const license = input.license?.trim() ?? "";
  if (license === "") return { status: "fail", reason: "missing license", warnings: [] };
  const parsed = parseLicenseTree(license);
  if (!parsed.ok) return { status: "fail", reason: "not an open license", warnings: [parsed.message] };
  const classification = classifyLicenseNode(parsed.value.tree);
  const warnings = [...parsed.value.warnings];
  if (!classification.open) return { status: "fail", reason: "not an open license", warnings };
  if (suited[spec.category](classification)) return { status: "pass", warnings };
  const reason = `${parsed.value.expression} is open but ill-suited: ${advice[spec.category]}.`;
  return { status: "warn", reason, warnings: [reason, ...warnings] };
}

const isMet = (status: ComponentStatus | undefined): boolean => status === "pass" || status === "warn";

function evaluateAll(components: readonly ComponentInput[]): Map<MofComponentId, ComponentResult & Evaluation> {
  // A later entry for the same component replaces an earlier one, as in an edit form.
  const inputs = new Map(components.map((c) => [c.component, c] as const));
  return new Map(
    mofComponents.map((spec) => [spec.id, { component: spec.id, label: spec.label, ...evaluateComponent(spec, inputs.get(spec.id)) }]),
  );
}

export function classifyOpenness(components: readonly ComponentInput[]): OpennessResult {
  const results = evaluateAll(components);
  const meetsClass = (cls: MofClass): boolean =>
    mofComponents.filter((spec) => spec.class >= cls).every((spec) => isMet(results.get(spec.id)?.status));
  const achieved = ([1, 2, 3] as const).find(meetsClass) ?? null;
  const nextClass: MofClass | null = achieved === null ? 3 : achieved === 1 ? null : achieved === 2 ? 1 : 2;
  const missingForNext =
    nextClass === null
      ? []
      : mofComponents.flatMap((spec) => {
          const result = results.get(spec.id);
          if (spec.class < nextClass || result === undefined || isMet(result.status)) return [];
          return [{ component: spec.id, label: spec.label, reason: result.reason ?? "not included" }];
        });
  const list = [...results.values()];
  return {
    class: achieved,
    label: achieved === null ? "Unclassified" : mofClassLabels[achieved],
    components: list.map(({ component: id, label, status, reason }) =>
      reason === undefined ? { component: id, label, status } : { component: id, label, status, reason },
    ),
    missingForNext,
    nextClass,
    warnings: list.flatMap((r) => r.warnings.map((w) => `${r.label}: ${w}`)),
  };
}

export type OsaidItem = { item: "data-information" | "code" | "parameters"; label: string; met: boolean; reason: string };
export type OsaidChecklist = { items: OsaidItem[]; conforms: boolean };

const describeProblem = (result: ComponentResult | undefined, label: string, need: string): string =>
  result === undefined || result.status === "absent"
    ? `${label} is not included`
    : result.status === "fail"
      ? `${label} has ${result.reason === "missing license" ? "no license" : "a license that is not open"}`
      : `${label} is not under ${need}`;

// OSI Open Source AI Definition 1.0 (opensource.org/ai/open-source-ai-definition): the preferred form to modify
// a system needs data information, the complete code, and the parameters, all under OSI-approved or open terms.
export function osaidChecklist(components: readonly ComponentInput[]): OsaidChecklist {
  const results = evaluateAll(components);
  const get = (id: MofComponentId) => results.get(id);
  const labelOf = (id: MofComponentId): string => mofComponents.find((c) => c.id === id)?.label ?? id;

  const dataCard = get("data-card");
  const dataSources = (["datasets", "data-preprocessing-code"] as const).filter((id) => isMet(get(id)?.status));
  const dataProblems = [
    ...(isMet(dataCard?.status) ? [] : [describeProblem(dataCard, "Data card", "an open license")]),
    ...(dataSources.length > 0 ? [] : ["neither the datasets nor the data preprocessing code are included under open licenses"]),
  ];
  const dataInformation: OsaidItem = {
    item: "data-information",
    label: "Data information",
    met: dataProblems.length === 0,
    reason:
      dataProblems.length === 0
        ? `The data card and the ${dataSources.map((id) => labelOf(id).toLowerCase()).join(" and ")} give sufficiently detailed information about the data.`
        : `Sufficiently detailed information about the data is missing: ${dataProblems.join("; ")}.`,
  };

  const codeIds = ["training-code", "inference-code", "data-preprocessing-code", "supporting-libraries"] as const;
  // Code passes only under an OSI-approved license; "warn" means some other open license.
  const codeProblems = codeIds
    .filter((id) => get(id)?.status !== "pass")
    .map((id) => describeProblem(get(id), labelOf(id), "an OSI-approved license"));
  const code: OsaidItem = {
    item: "code",
    label: "Code",
    met: codeProblems.length === 0,
    reason:
      codeProblems.length === 0
        ? "The training, inference and data preprocessing code and the supporting libraries are under OSI-approved licenses."
        : `The complete code is not available under OSI-approved licenses: ${codeProblems.join("; ")}.`,
  };

  const finalParameters = get("final-parameters");
  const parameters: OsaidItem = {
    item: "parameters",
    label: "Parameters",
    met: isMet(finalParameters?.status),
    reason: isMet(finalParameters?.status)
      ? "The final model parameters are under open terms."
      : `The parameters are not available under open terms: ${describeProblem(finalParameters, "Model parameters (final)", "open terms")}.`,
  };

  const items = [dataInformation, code, parameters];
  return { items, conforms: items.every((i) => i.met) };
}
