// Model card -> release form prefill: licenses mapped to SPDX, base model, datasets, facts for the summary.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseModelCard } from "@/lib/releases/model-card";
import { prefillFromCard } from "@/lib/releases/prefill";

function prefillOf(name: string) {
  const parsed = parseModelCard(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8"));
  if (!parsed.ok) throw new Error(parsed.message);
  return prefillFromCard(parsed.value);
}

describe("prefillFromCard", () => {
  it("maps apache-2.0 onto architecture, parameters and card, and lists datasets for a license", () => {
    const p = prefillOf("clean-apache.md");
    expect(p.modelName).toBe("orca-mini-7b-v3");
    expect(p.baseModelRef).toBe("mistralai/Mistral-7B-v0.3");
    expect(p.components["final-parameters"]).toEqual({ included: true, license: "Apache-2.0", licenseName: "", licenseUrl: "" });
    expect(p.components["model-architecture"]?.license).toBe("Apache-2.0");
    expect(p.components["model-card"]?.license).toBe("Apache-2.0");
    expect(p.components.datasets).toEqual({ included: true, license: "", licenseName: "", licenseUrl: "" });
    expect(p.facts).toEqual(expect.arrayContaining(["License: apache-2.0 → Apache-2.0", "Pipeline: text-generation", "Languages: en, fr"]));
    expect(p.summary).toMatch(/^# Orca Mini 7B v3/);
    expect(p.summary).toContain("- Datasets: HuggingFaceH4/ultrachat_200k, Open-Orca/SlimOrca");
  });

  it("maps a vendor license to a LicenseRef with its name", () => {
    const p = prefillOf("llama31.md");
    expect(p.components["final-parameters"]?.license).toMatch(/^LicenseRef-/);
    expect(p.components["final-parameters"]?.licenseName).not.toBe("");
  });

  it("turns license: other with a name and link into a custom LicenseRef", () => {
    const p = prefillOf("license-other.md");
    const params = p.components["final-parameters"];
    expect(params?.license).toMatch(/^LicenseRef-/);
  });

  it("keeps going on a messy card, with warnings to check", () => {
    const p = prefillOf("messy.md");
    expect(p.warnings.length).toBeGreaterThan(0);
    expect(p.baseModelRef).toBe("EleutherAI/pythia-1.4b");
    expect(p.warnings.some((w) => w.includes("several base models"))).toBe(true);
  });

  it("prefills nothing but the body from a card without front matter", () => {
    const p = prefillOf("no-front-matter.md");
    expect(p.components).toEqual({});
    expect(p.warnings[0]).toMatch(/no YAML front matter/);
  });
});
