import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MODEL_CARD_MAX_BYTES, parseModelCard, type ModelCardPrefill } from "@/lib/releases/model-card";

function fixture(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
}

function prefillOf(markdown: string): ModelCardPrefill {
  const result = parseModelCard(markdown);
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.value;
}

describe("parseModelCard: fixtures", () => {
  it("reads a clean Apache-2.0 card", () => {
    const card = prefillOf(fixture("clean-apache.md"));
    expect(card).toEqual({
      license: "apache-2.0",
      baseModels: ["mistralai/Mistral-7B-v0.3"],
      datasets: ["HuggingFaceH4/ultrachat_200k", "Open-Orca/SlimOrca"],
      tags: ["text-generation", "conversational", "mistral"],
      languages: ["en", "fr"],
      pipelineTag: "text-generation",
      modelName: "orca-mini-7b-v3",
      body: expect.stringMatching(/^# Orca Mini 7B v3\n\nA chat fine-tune/),
      warnings: [],
    });
  });

  it("reads a Llama 3.1 card and ignores the gating fields", () => {
    const card = prefillOf(fixture("llama31.md"));
    expect(card).toMatchObject({
      license: "llama3.1",
      baseModels: ["meta-llama/Meta-Llama-3.1-8B"],
      languages: ["en", "de", "fr", "it", "pt", "hi", "es", "th"],
      tags: ["facebook", "meta", "pytorch", "llama", "llama-3"],
      pipelineTag: "text-generation",
      datasets: [],
      warnings: [],
    });
    expect(card.licenseName).toBeUndefined();
    expect(card.body.startsWith("## Model Information")).toBe(true);
    expect(card.body).not.toContain("extra_gated");
  });

  it("keeps license_name and license_link when the license is 'other'", () => {
    expect(prefillOf(fixture("license-other.md"))).toMatchObject({
      license: "other",
      licenseName: "qwen",
      licenseLink: "https://huggingface.co/Qwen/Qwen2.5-72B-Instruct/blob/main/LICENSE",
      baseModels: ["Qwen/Qwen2.5-72B"],
      warnings: [],
    });
  });

  it("tolerates a messy card and explains every repair", () => {
    const card = prefillOf(fixture("messy.md"));
    expect(card).toMatchObject({
      license: "MIT",
      languages: ["en"],
      datasets: ["the_pile"],
      baseModels: ["EleutherAI/pythia-1.4b", "EleutherAI/pythia-1.4b-deduped"],
      tags: ["4bit", "2024", "true", "gguf"],
      pipelineTag: "text-generation",
      modelName: "42",
      body: "Quantised Pythia. Use at your own risk.\n",
    });
    expect(card.licenseName).toBeUndefined();
    const expectedWarnings = [
      /'datasets' appears more than once/,
      /'license' lists several values \(MIT, apache-2\.0\); only 'MIT' was used/,
      /'tags' contains the number 2024/,
      /'tags' contains the boolean true/,
      /'tags' contains a mapping .* ignored/,
      /'tags' contains an empty value .* ignored/,
      /license_name and license_link are only used when license is 'other'/,
      /'pipeline_tag' lists several values/,
      /'model_name' contains the number 42/,
    ];
    expect(card.warnings).toHaveLength(expectedWarnings.length);
    expectedWarnings.forEach((pattern, index) => expect(card.warnings[index]).toMatch(pattern));
  });

  it("accepts a card with no front matter, keeping all of it as the body", () => {
    const markdown = fixture("no-front-matter.md");
    expect(prefillOf(markdown)).toEqual({
      baseModels: [],
      datasets: [],
      tags: [],
      languages: [],
      body: markdown,
      warnings: [expect.stringContaining("no YAML front matter")],
    });
  });

  it("refuses broken YAML and points at the line in the file", () => {
    expect(parseModelCard(fixture("broken-yaml.md"))).toEqual({
      ok: false,
      code: "BAD_YAML",
      message: expect.stringMatching(/^The YAML front matter is malformed at line 6 of the model card: .*\]\.$/),
    });
  });
});

describe("parseModelCard: edge cases", () => {
  it.each([
    ["an unclosed front matter block", "---\nlicense: mit\n\n# Card", "never closed"],
    ["bad indentation", "---\nlicense: mit\n  extra: indent\n---\n", "line 2 of the model card"],
    ["an alias with no anchor", "---\nlicense: *spdx\n---\n", "Unresolved alias"],
  ])("refuses %s with BAD_YAML", (_label, markdown, fragment) => {
    const result = parseModelCard(markdown);
    expect(result).toMatchObject({ ok: false, code: "BAD_YAML" });
    if (!result.ok) expect(result.message).toContain(fragment);
  });

  it.each([
    ["empty front matter", "---\n---\n# Card", "is empty", "# Card"],
    ["a list instead of a mapping", "---\n- mit\n- apache-2.0\n---\nBody", "not a set of key: value pairs", "Body"],
  ])("accepts %s with a warning", (_label, markdown, warning, body) => {
    const card = prefillOf(markdown);
    expect(card.body).toBe(body);
    expect(card.warnings).toEqual([expect.stringContaining(warning)]);
  });

  it("handles Windows line endings and a byte-order mark", () => {
    const card = prefillOf("\uFEFF---\r\nlicense: mit\r\nlanguage: [en, de]\r\n---\r\n# Hello\r\n");
    expect(card).toMatchObject({ license: "mit", languages: ["en", "de"], body: "# Hello\n", warnings: [] });
  });

  it("warns when the license is missing or 'other' without a name", () => {
    expect(prefillOf("---\ntags: [gguf]\n---\n").warnings).toEqual(["The card does not state a license."]);
    expect(prefillOf("---\nlicense: other\n---\n").warnings).toEqual([expect.stringContaining("no license_name or license_link")]);
  });

  it("takes the model name from model-index when model_name is absent", () => {
    expect(prefillOf("---\nlicense: mit\nmodel-index:\n  - name: tiny-llama-chat\n    results: []\n---\n").modelName).toBe("tiny-llama-chat");
    expect(prefillOf("---\nlicense: mit\nmodel-index: tiny\n---\n").warnings).toEqual([expect.stringContaining("'model-index' is not a list")]);
  });

  it("refuses cards over the size limit", () => {
    const markdown = `---\nlicense: mit\n---\n${"x".repeat(MODEL_CARD_MAX_BYTES)}`;
    expect(parseModelCard(markdown)).toMatchObject({ ok: false, code: "TOO_LARGE", message: expect.stringContaining("200 KB") });
    expect(parseModelCard("x".repeat(MODEL_CARD_MAX_BYTES)).ok).toBe(true);
  });

  it("never throws and always returns string lists", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (yamlish) => {
        const result = parseModelCard(`---\n${yamlish}\n---\nbody`);
        if (!result.ok) {
          expect(result.code).toBe("BAD_YAML");
          return;
        }
        for (const list of [result.value.baseModels, result.value.datasets, result.value.tags, result.value.languages]) {
          expect(list.every((item) => typeof item === "string" && item.trim() === item && item !== "")).toBe(true);
        }
      }),
    );
  });
});
