// Version diff: artifacts, component inclusion, licenses and class between two releases.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffReleases, type DiffSide } from "@/lib/releases/diff";
import { mofComponents } from "@/lib/releases/openness";

const d = (c: string) => `sha256:${c.repeat(64)}`;
const classThree = mofComponents
  .filter((c) => c.class === 3)
  .map((c) => ({ component: c.id, included: true, license: c.category === "code" ? "Apache-2.0" : c.category === "parameters" ? "Apache-2.0" : "CC-BY-4.0" }));

const v1: DiffSide = {
  version: "1.0",
  artifacts: [
    { name: "model.safetensors", kind: "weights", digest: d("a") },
    { name: "tokenizer.json", kind: "tokenizer", digest: d("b") },
    { name: "config.json", kind: "config", digest: d("c") },
  ],
  components: classThree.filter((c) => c.component !== "data-card"),
};

describe("diffReleases", () => {
  it("reports added, removed and re-digested artifacts, with the unchanged count", () => {
    const v2: DiffSide = {
      version: "2.0",
      artifacts: [
        { name: "model.safetensors", kind: "weights", digest: d("f") },
        { name: "tokenizer.json", kind: "tokenizer", digest: d("b") },
        { name: "generation_config.json", kind: "config", digest: d("e") },
      ],
      components: v1.components,
    };
    const diff = diffReleases(v1, v2);
    expect(diff.artifacts.added.map((a) => a.name)).toEqual(["generation_config.json"]);
    expect(diff.artifacts.removed.map((a) => a.name)).toEqual(["config.json"]);
    expect(diff.artifacts.changed).toEqual([{ name: "model.safetensors", kind: "weights", fromDigest: d("a"), toDigest: d("f") }]);
    expect(diff.artifacts.unchanged).toBe(1);
    expect(diff.empty).toBe(false);
    expect(diff.class.changed).toBe(false);
  });

  it("reports a component newly included and the class moving up", () => {
    const v2: DiffSide = { ...v1, version: "1.1", components: classThree };
    const diff = diffReleases(v1, v2);
    expect(diff.components).toEqual([{ component: "data-card", label: "Data card", change: "added" }]);
    expect(diff.class).toMatchObject({ from: null, to: 3, fromLabel: "Unclassified", toLabel: "Class III Open Model", changed: true });
  });

  it("reports license changes of components included in both", () => {
    const v2: DiffSide = {
      ...v1,
      version: "1.1",
      components: v1.components.map((c) => (c.component === "final-parameters" ? { ...c, license: "LicenseRef-lumen-rail" } : c)),
    };
    const diff = diffReleases(v1, v2);
    expect(diff.licenses).toEqual([{ component: "final-parameters", label: "Model parameters (final)", from: "Apache-2.0", to: "LicenseRef-lumen-rail" }]);
    expect(diff.components).toEqual([]);
  });

  it("reports a removed component and ignores license text on components that are not included", () => {
    const v2: DiffSide = {
      ...v1,
      version: "1.1",
      components: v1.components.map((c) => (c.component === "sample-outputs" ? { ...c, included: false, license: "MIT" } : c)),
    };
    const diff = diffReleases(v1, v2);
    expect(diff.components).toEqual([{ component: "sample-outputs", label: "Sample model outputs", change: "removed" }]);
    expect(diff.licenses).toEqual([]);
  });

  it("is empty for identical releases (property: any release against itself)", () => {
    const artifact = fc.record({
      name: fc.stringMatching(/^[a-z]{1,8}\.(bin|json)$/),
      kind: fc.constantFrom("weights", "config", "tokenizer"),
      digest: fc.stringMatching(/^[0-9a-f]{64}$/).map((h) => `sha256:${h}`),
    });
    const side = fc.record({
      version: fc.constant("x"),
      artifacts: fc.uniqueArray(artifact, { selector: (a) => a.name, maxLength: 6 }),
      components: fc.subarray(classThree),
    });
    fc.assert(fc.property(side, (s) => diffReleases(s, s).empty));
  });

  it("added and removed swap when the diff is reversed (property)", () => {
    const names = fc.uniqueArray(fc.stringMatching(/^[a-z]{1,6}$/), { maxLength: 8 });
    fc.assert(
      fc.property(names, names, (a, b) => {
        const side = (ns: string[], version: string): DiffSide => ({ version, artifacts: ns.map((n) => ({ name: n, kind: "other", digest: d("a") })), components: [] });
        const forward = diffReleases(side(a, "1"), side(b, "2"));
        const back = diffReleases(side(b, "2"), side(a, "1"));
        expect(forward.artifacts.added.map((x) => x.name).sort()).toEqual(back.artifacts.removed.map((x) => x.name).sort());
      }),
    );
  });
});
