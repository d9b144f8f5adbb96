// Prefills a release from a Hugging Face model card (README.md with YAML front matter).
import { isMap, isScalar, parseDocument } from "yaml";
import { fail, type ParseResult } from "@/lib/registry/result";
import { isMetadata, readList, readModelName, readText, type Metadata } from "@/lib/releases/model-card-fields";

export type { ParseResult } from "@/lib/registry/result";

export type ModelCardPrefill = {
  license?: string;
  licenseName?: string;
  licenseLink?: string;
  baseModels: string[];
  datasets: string[];
  tags: string[];
  languages: string[];
  pipelineTag?: string;
  modelName?: string;
  /** Markdown after the front matter. */
  body: string;
  /** Things a person should check, in plain sentences. */
  warnings: string[];
};

export const MODEL_CARD_MAX_BYTES = 200 * 1024;

type Split = { yaml: string; body: string } | { yaml: undefined; body: string };

export function parseModelCard(markdown: string): ParseResult<ModelCardPrefill> {
  const bytes = new TextEncoder().encode(markdown).length;
  if (bytes > MODEL_CARD_MAX_BYTES) {
    return fail("TOO_LARGE", `The model card is ${Math.ceil(bytes / 1024)} KB; model cards are limited to ${MODEL_CARD_MAX_BYTES / 1024} KB.`);
  }
  const split = splitFrontMatter(markdown.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n"));
  if (!split.ok) return split;
  const { yaml, body } = split.value;
  if (yaml === undefined) {
    return {
      ok: true,
      value: emptyPrefill(body, ["The model card has no YAML front matter (a --- block at the top), so nothing could be prefilled."]),
    };
  }

  const doc = parseDocument(yaml, { uniqueKeys: false, prettyErrors: false });
  const [error] = doc.errors;
  if (error) {
    // Count lines ourselves; +2 because the YAML starts after the opening --- on line 1.
    const line = yaml.slice(0, error.pos[0]).split("\n").length + 1;
    const reason = error.message.split(" at line ")[0] ?? error.message;
    return fail("BAD_YAML", `The YAML front matter is malformed at line ${line} of the model card: ${reason}.`);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (caught) {
    const reason = caught instanceof Error ? caught.message : "it could not be read";
    return fail("BAD_YAML", `The YAML front matter could not be read: ${reason}.`);
  }

  if (data === null || data === undefined) return { ok: true, value: emptyPrefill(body, ["The YAML front matter is empty, so nothing could be prefilled."]) };
  if (!isMetadata(data)) {
    return { ok: true, value: emptyPrefill(body, ["The YAML front matter is not a set of key: value pairs, so it was ignored."]) };
  }
  const warnings = duplicateKeyWarnings(doc.contents);
  return { ok: true, value: { ...readPrefill(data, warnings), body } };
}

function readPrefill(data: Metadata, warnings: string[]): Omit<ModelCardPrefill, "body"> {
  const license = readText(data, "license", warnings);
  const prefill: Omit<ModelCardPrefill, "body"> = {
    baseModels: readList(data, "base_model", warnings),
    datasets: readList(data, "datasets", warnings),
    tags: readList(data, "tags", warnings),
    languages: readList(data, "language", warnings),
    warnings,
  };
  if (license !== undefined) prefill.license = license;
  const licenseName = readText(data, "license_name", warnings);
  const licenseLink = readText(data, "license_link", warnings);
  if (license?.toLowerCase() === "other") {
    if (licenseName !== undefined) prefill.licenseName = licenseName;
    if (licenseLink !== undefined) prefill.licenseLink = licenseLink;
    if (licenseName === undefined && licenseLink === undefined) {
      warnings.push("The license is 'other' but the card gives no license_name or license_link; say which license applies.");
    }
  } else if (licenseName !== undefined || licenseLink !== undefined) {
    warnings.push(`license_name and license_link are only used when license is 'other'; they were ignored because ${license === undefined ? "no license is given" : `license is '${license}'`}.`);
  }
  if (license === undefined) warnings.push("The card does not state a license.");
  const pipelineTag = readText(data, "pipeline_tag", warnings);
  if (pipelineTag !== undefined) prefill.pipelineTag = pipelineTag;
  const modelName = readModelName(data, warnings);
  if (modelName !== undefined) prefill.modelName = modelName;
  return prefill;
}

function splitFrontMatter(text: string): ParseResult<Split> {
  const lines = text.split("\n");
  if (lines[0]?.trimEnd() !== "---") return { ok: true, value: { yaml: undefined, body: text } };
  const close = lines.findIndex((line, index) => index > 0 && /^(---|\.\.\.)\s*$/.test(line));
  if (close === -1) {
    return fail("BAD_YAML", "The front matter opened with --- on line 1 is never closed; add a --- line after the last metadata line.");
  }
  const yaml = lines.slice(1, close).join("\n");
  const body = lines.slice(close + 1).join("\n").replace(/^\n+/, "");
  return { ok: true, value: { yaml, body } };
}

function duplicateKeyWarnings(contents: unknown): string[] {
  if (!isMap(contents)) return [];
  const seen = new Set<string>();
  const warnings: string[] = [];
  for (const pair of contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (key === undefined) continue;
    if (seen.has(key)) warnings.push(`'${key}' appears more than once in the front matter; the last value was used.`);
    seen.add(key);
  }
  return warnings;
}

function emptyPrefill(body: string, warnings: string[]): ModelCardPrefill {
  return { baseModels: [], datasets: [], tags: [], languages: [], body, warnings };
}
