import { describe, expect, it } from "vitest";
import { releaseProblems } from "@/components/releases/form-check";
import { emptyArtifact, emptyValues, releaseFieldOf, toActionInput, type ReleaseFormValues } from "@/components/releases/form-state";

const digest = (c: string) => `sha256:${c.repeat(64)}`;

function form(patch: Partial<ReleaseFormValues> = {}): ReleaseFormValues {
  return { ...emptyValues(), modelName: "kestrel-3b", version: "1.0", ...patch };
}

describe("the release form's check", () => {
  it("finds nothing wrong with a good proposal", () => {
    expect(releaseProblems(form({ artifacts: [{ ...emptyArtifact(), name: "w", digest: digest("a"), sizeBytes: "6.2 GB" }] }))).toEqual({});
  });

  it("reports every problem at once, each under the form's field name, as sentences", () => {
    const values = form({
      modelName: "bad name!",
      artifacts: [
        { ...emptyArtifact(), name: "w", digest: digest("a") },
        emptyArtifact(), // blank: not sent, not checked
        { ...emptyArtifact(), name: "t", digest: "sha256:abc", sizeBytes: "lots" },
      ],
      links: "not a reference",
    });
    values.components.datasets = { included: false, license: "Apachee-2.0", licenseName: "", licenseUrl: "" };
    const problems = releaseProblems(values);
    expect(Object.keys(problems).sort()).toEqual(["artifacts.2.digest", "artifacts.2.sizeBytes", "components.datasets.license", "links", "modelName"]);
    for (const messages of Object.values(problems)) for (const m of messages) expect(m).toMatch(/[.?!]$/);
    expect(problems["artifacts.2.sizeBytes"]?.[0]).toMatch(/“lots” is not a size/);
  });

  it("names duplicate artifacts and asks a custom license for its name and link", () => {
    const values = form({
      artifacts: [
        { ...emptyArtifact(), name: "w", digest: digest("a") },
        { ...emptyArtifact(), name: "W", digest: digest("b") },
      ],
    });
    values.components.datasets = { included: true, license: "LicenseRef-Kestrel", licenseName: "", licenseUrl: "http://x" };
    const problems = releaseProblems(values);
    expect(problems["artifacts.1.name"]).toEqual(["Artifact 1 has this name too; give each artifact its own."]);
    expect(problems["components.datasets.licenseName"]?.[0]).toMatch(/custom license/);
    expect(problems["components.datasets.licenseUrl"]).toEqual(["The license link must be an https:// address."]);
  });

  it("leaves frozen parts alone when they cannot change", () => {
    const values = form({ artifacts: [{ ...emptyArtifact(), name: "t", digest: "nope" }] });
    expect(releaseProblems(values, { parts: false })).toEqual({});
  });
});

describe("sending the form, and mapping the server's paths back", () => {
  it("sends sizes in bytes and skips blank rows", () => {
    const values = form({ artifacts: [emptyArtifact(), { ...emptyArtifact(), name: "w", digest: digest("a"), sizeBytes: "1.5 GiB" }] });
    expect(toActionInput(values).artifacts).toEqual([{ name: "w", kind: "weights", digest: digest("a"), sizeBytes: 1.5 * 2 ** 30, uri: null }]);
  });

  it("maps submitted positions to the rows and components shown", () => {
    const values = form({ artifacts: [emptyArtifact(), { ...emptyArtifact(), name: "w", digest: digest("a") }] });
    values.components.datasets = { included: true, license: "MIT", licenseName: "", licenseUrl: "" };
    expect(releaseFieldOf("artifacts.0.digest", values)).toBe("artifacts.1.digest");
    expect(releaseFieldOf("components.0.license", values)).toBe("components.datasets.license");
    expect(releaseFieldOf("components.0.licenseUrl", values)).toBe("components.datasets.licenseUrl");
    expect(releaseFieldOf("links.3", values)).toBe("links");
    expect(releaseFieldOf("modelName", values)).toBe("modelName");
    expect(releaseFieldOf("artifacts.9.name", values)).toBe("artifacts");
  });
});
