import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  classifyOpenness,
  mofComponents,
  osaidChecklist,
  type ComponentInput,
  type MofCategory,
  type MofComponentId,
} from "@/lib/releases/openness";

const goodLicense: Record<MofCategory, string> = {
  code: "Apache-2.0",
  parameters: "Apache-2.0",
  data: "ODC-By-1.0",
  documentation: "CC-BY-4.0",
};

const release = (overrides: Partial<Record<MofComponentId, string | null | false>>, upToClass: 1 | 2 | 3 = 1): ComponentInput[] =>
  mofComponents
    .filter((c) => c.class >= upToClass || c.id in overrides)
    .map((c) => {
      const override = overrides[c.id];
      if (override === false) return { component: c.id, included: false };
      return { component: c.id, included: true, license: override === undefined ? goodLicense[c.category] : override };
    });

const statusOf = (input: ComponentInput[], id: MofComponentId) =>
  classifyOpenness(input).components.find((c) => c.component === id);

describe("mofComponents", () => {
  it("lists the 17 MOF components with unique ids, 7 in Class III, 5 more in Class II and 5 more in Class I", () => {
    expect(new Set(mofComponents.map((c) => c.id)).size).toBe(17);
    expect([3, 2, 1].map((cls) => mofComponents.filter((c) => c.class === cls).length)).toEqual([7, 5, 5]);
    expect(mofComponents.filter((c) => c.class === 3).map((c) => c.id)).toEqual([
      "model-architecture",
      "final-parameters",
      "technical-report",
      "evaluation-results",
      "model-card",
      "data-card",
      "sample-outputs",
    ]);
  });
});

describe("classifyOpenness on realistic releases", () => {
  it("a weights-only Apache-2.0 release is unclassified and lists what Class III still needs", () => {
    const result = classifyOpenness([{ component: "final-parameters", included: true, license: "Apache-2.0" }]);
    expect(result).toMatchObject({ class: null, label: "Unclassified", nextClass: 3, warnings: [] });
    expect(result.missingForNext).toEqual([
      { component: "model-architecture", label: "Model architecture", reason: "not included" },
      { component: "technical-report", label: "Technical report", reason: "not included" },
      { component: "evaluation-results", label: "Evaluation results", reason: "not included" },
      { component: "model-card", label: "Model card", reason: "not included" },
      { component: "data-card", label: "Data card", reason: "not included" },
      { component: "sample-outputs", label: "Sample model outputs", reason: "not included" },
    ]);
    expect(statusOf([{ component: "final-parameters", included: true, license: "Apache-2.0" }], "final-parameters")?.status).toBe("pass");
  });

  it("an OLMo-style open-science release (Apache-2.0 code and weights, ODC-By data, CC-BY docs) is Class I", () => {
    const result = classifyOpenness(release({}));
    expect(result).toMatchObject({ class: 1, label: "Class I Open Science", nextClass: null, missingForNext: [], warnings: [] });
    expect(result.components.every((c) => c.status === "pass")).toBe(true);
  });

  it("a Class III release with open tooling is Class II and is told what Class I adds", () => {
    const result = classifyOpenness(release({}, 2));
    expect(result).toMatchObject({ class: 2, label: "Class II Open Tooling", nextClass: 1 });
    expect(result.missingForNext.map((m) => m.component)).toEqual([
      "data-preprocessing-code",
      "datasets",
      "intermediate-parameters",
      "research-paper",
      "model-metadata",
    ]);
  });

  it("a Class III release is Class III", () => {
    const result = classifyOpenness(release({ "training-code": "LicenseRef-Acme-Internal" }, 3));
    expect(result).toMatchObject({ class: 3, label: "Class III Open Model", nextClass: 2 });
    expect(result.missingForNext).toContainEqual({ component: "training-code", label: "Training code", reason: "not an open license" });
    expect(result.missingForNext).toContainEqual({ component: "inference-code", label: "Inference code", reason: "not included" });
  });

  it("a Llama-licensed release is unclassified because its parameters fail", () => {
    const result = classifyOpenness(
      release({ "final-parameters": "LicenseRef-Llama-3.1-Community", "model-card": "LicenseRef-Llama-3.1-Community" }),
    );
    expect(result).toMatchObject({ class: null, label: "Unclassified", nextClass: 3 });
    expect(result.missingForNext).toEqual([
      { component: "final-parameters", label: "Model parameters (final)", reason: "not an open license" },
      { component: "model-card", label: "Model card", reason: "not an open license" },
    ]);
  });

  it.each([
    ["datasets", "MIT", "warn", 1],
    ["datasets", "CC-BY-NC-4.0", "fail", 2],
    ["training-code", "CC-BY-4.0", "warn", 1],
    ["final-parameters", "MIT", "pass", 1],
    ["final-parameters", "CDLA-Permissive-2.0", "pass", 1],
    ["final-parameters", "GFDL-1.3-or-later", "warn", 1],
    ["model-card", "Apache-2.0", "warn", 1],
    ["model-card", null, "fail", null],
    ["model-card", "  ", "fail", null],
    ["evaluation-data", "LicenseRef-BigScience-OpenRAIL-M", "fail", 3],
    ["evaluation-code", "Apache2", "fail", 3],
    ["inference-code", "MIT OR LicenseRef-Gemma", "pass", 1],
    ["inference-code", "MIT AND LicenseRef-Gemma", "fail", 3],
    ["research-paper", "CC-BY-4.0 AND MIT", "warn", 1],
    ["datasets", false, "absent", 2],
  ] as const)("%s under %j is %s and the release is class %s", (id, license, status, cls) => {
    const input = release({ [id]: license });
    const result = classifyOpenness(input);
    expect(result.class).toBe(cls);
    const component = result.components.find((c) => c.component === id);
    expect(component?.status).toBe(status);
    if (status === "warn") {
      expect(component?.reason).toMatch(/is open but ill-suited/);
      expect(result.warnings.some((w) => w.startsWith(`${component?.label}: `))).toBe(true);
    }
    if (status === "fail") expect(component?.reason).toBe(license === null || license === "  " ? "missing license" : "not an open license");
  });

  it("explains a misspelt license and passes deprecation warnings through", () => {
    const result = classifyOpenness(release({ "evaluation-code": "Apache2", "training-code": "GPL-3.0" }));
    expect(result.warnings).toContain("Evaluation code: Unknown SPDX license id 'Apache2'. Did you mean 'Apache-2.0'?");
    expect(result.warnings.some((w) => w.startsWith("Training code: 'GPL-3.0' is a deprecated SPDX id"))).toBe(true);
    expect(statusOf(release({ "training-code": "GPL-3.0" }), "training-code")?.status).toBe("pass");
  });

  it("uses the last entry when a component is listed twice", () => {
    const input: ComponentInput[] = [...release({}), { component: "datasets", included: true, license: "CC-BY-NC-4.0" }];
    expect(classifyOpenness(input).class).toBe(2);
  });
});

describe("osaidChecklist", () => {
  it("a fully open release conforms", () => {
    const checklist = osaidChecklist(release({}));
    expect(checklist.conforms).toBe(true);
    expect(checklist.items.map((i) => [i.item, i.met])).toEqual([
      ["data-information", true],
      ["code", true],
      ["parameters", true],
    ]);
    expect(checklist.items[0]?.reason).toMatch(/sufficiently detailed information about the data/);
  });

  it("a weights-only release meets only the parameters item", () => {
    const checklist = osaidChecklist([{ component: "final-parameters", included: true, license: "MIT" }]);
    expect(checklist.conforms).toBe(false);
    expect(checklist.items.map((i) => i.met)).toEqual([false, false, true]);
    expect(checklist.items[0]?.reason).toMatch(/Data card is not included/);
    expect(checklist.items[1]?.reason).toMatch(/Training code is not included; Inference code is not included/);
  });

  it("accepts data information from preprocessing code when the datasets cannot be shared", () => {
    const checklist = osaidChecklist(release({ datasets: false }));
    expect(checklist.items[0]).toMatchObject({ met: true, reason: expect.stringMatching(/data card and the data preprocessing code/) });
    expect(checklist.conforms).toBe(true);
  });

  it.each([
    ["training-code", "CC-BY-4.0", "code", /Training code is not under an OSI-approved license/],
    ["supporting-libraries", null, "code", /Supporting libraries and tools has no license/],
    ["final-parameters", "LicenseRef-Llama-3.1-Community", "parameters", /has a license that is not open/],
    ["data-card", "CC-BY-NC-4.0", "data-information", /Data card has a license that is not open/],
  ])("%s under %j fails the %s item", (id, license, item, reason) => {
    const checklist = osaidChecklist(release({ [id]: license }));
    expect(checklist.conforms).toBe(false);
    const entry = checklist.items.find((i) => i.item === item);
    expect(entry?.met).toBe(false);
    expect(entry?.reason).toMatch(reason);
  });
});

describe("classifyOpenness invariants", () => {
  const licensePool = [
    "Apache-2.0",
    "MIT",
    "CC-BY-4.0",
    "CDLA-Permissive-2.0",
    "GPL-3.0-or-later",
    "CC0-1.0",
    "CC-BY-NC-4.0",
    "LicenseRef-Llama-3.1-Community",
    "Apache2",
    "",
    null,
  ];
  const entry = (id: MofComponentId) =>
    fc.oneof(
      fc.constant(undefined),
      fc.constant<ComponentInput>({ component: id, included: false }),
      fc.constantFrom(...licensePool).map((license): ComponentInput => ({ component: id, included: true, license })),
    );
  const releaseArb = fc
    .tuple(...mofComponents.map((c) => entry(c.id)))
    .chain((entries) => fc.shuffledSubarray(entries.filter((e) => e !== undefined), { minLength: 0 }));
  // Class I is the best, then II, III, and unclassified.
  const rank = (cls: 1 | 2 | 3 | null): number => (cls === null ? 0 : 4 - cls);

  it("adding an included, properly licensed component never lowers the class", () => {
    fc.assert(
      fc.property(releaseArb, fc.constantFrom(...mofComponents), (input, spec) => {
        const before = classifyOpenness(input);
        const added: ComponentInput = { component: spec.id, included: true, license: goodLicense[spec.category] };
        const after = classifyOpenness([...input.filter((c) => c.component !== spec.id), added]);
        expect(rank(after.class)).toBeGreaterThanOrEqual(rank(before.class));
      }),
    );
  });

  it("the class is the highest whose components all pass or warn", () => {
    fc.assert(
      fc.property(releaseArb, (input) => {
        const result = classifyOpenness(input);
        const status = new Map(result.components.map((c) => [c.component, c.status]));
        const meets = (cls: 1 | 2 | 3) =>
          mofComponents.filter((c) => c.class >= cls).every((c) => ["pass", "warn"].includes(status.get(c.id) ?? "absent"));
        const expected = ([1, 2, 3] as const).find(meets) ?? null;
        expect(result.class).toBe(expected);
        expect(result.missingForNext.length === 0).toBe(result.class === 1);
        for (const missing of result.missingForNext) expect(["fail", "absent"]).toContain(status.get(missing.component));
      }),
    );
  });
});
