import { describe, expect, it } from "vitest";
import { huggingFaceLicenseIds, mapHuggingFaceLicense, slugifyLicenseName } from "@/lib/licensing/huggingface";
import { isCustomRef, parseLicenseExpression } from "@/lib/licensing/spdx";

// The ids Hugging Face offers in a model card's `license:` field.
const hubIds = `apache-2.0 mit openrail openrail++ bigscience-openrail-m creativeml-openrail-m bigscience-bloom-rail-1.0
  bigcode-openrail-m afl-3.0 artistic-2.0 bsl-1.0 bsd bsd-2-clause bsd-3-clause bsd-3-clause-clear c-uda cc cc0-1.0
  cc-by-2.0 cc-by-2.5 cc-by-3.0 cc-by-4.0 cc-by-sa-3.0 cc-by-sa-4.0 cc-by-nc-2.0 cc-by-nc-3.0 cc-by-nc-4.0 cc-by-nd-4.0
  cc-by-nc-nd-3.0 cc-by-nc-nd-4.0 cc-by-nc-sa-2.0 cc-by-nc-sa-3.0 cc-by-nc-sa-4.0 cdla-sharing-1.0 cdla-permissive-1.0
  cdla-permissive-2.0 wtfpl ecl-2.0 epl-1.0 epl-2.0 etalab-2.0 eupl-1.1 eupl-1.2 agpl-3.0 gfdl gpl gpl-2.0 gpl-3.0 lgpl
  lgpl-2.1 lgpl-3.0 isc h-research intel-research lppl-1.3c ms-pl apple-ascl apple-amlr mpl-2.0 odc-by odbl openmdw-1.0
  llama2 llama3 llama3.1 llama3.2 llama3.3 llama4 gemma deepfloyd-if-license fair-noncommercial-research-license
  unlicense unknown other`
  .trim()
  .split(/\s+/);

describe("mapHuggingFaceLicense", () => {
  it("knows exactly the Hugging Face license ids", () => {
    expect([...huggingFaceLicenseIds].sort()).toEqual([...hubIds].sort());
  });

  it.each(hubIds.filter((id) => !["bsd", "cc", "gfdl", "gpl", "lgpl", "unknown", "other"].includes(id)))(
    "maps %s to a valid SPDX expression",
    (id) => {
      const result = mapHuggingFaceLicense(id);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const parsed = parseLicenseExpression(result.value.spdx);
      expect(parsed.ok && parsed.value.expression).toBe(result.value.spdx);
      expect(parsed.ok && parsed.value.warnings).toEqual([]);
      expect(result.value.custom !== undefined).toBe(isCustomRef(result.value.spdx));
    },
  );

  it.each([
    ["apache-2.0", "Apache-2.0"],
    ["Apache-2.0", "Apache-2.0"],
    [" MIT ", "MIT"],
    ["cc-by-4.0", "CC-BY-4.0"],
    ["cc-by-nc-sa-4.0", "CC-BY-NC-SA-4.0"],
    ["odbl", "ODbL-1.0"],
    ["odc-by", "ODC-By-1.0"],
    ["c-uda", "C-UDA-1.0"],
    ["etalab-2.0", "etalab-2.0"],
    ["openmdw-1.0", "OpenMDW-1.0"],
    ["bsd-3-clause-clear", "BSD-3-Clause-Clear"],
    ["mit-0", "MIT-0"],
  ])("maps the SPDX-listed %j to %s", (id, spdx) => {
    expect(mapHuggingFaceLicense(id)).toEqual({ ok: true, value: { spdx } });
  });

  it.each([
    ["gpl-3.0", "GPL-3.0-only", "GPL-3.0-or-later"],
    ["gpl-2.0", "GPL-2.0-only", "GPL-2.0-or-later"],
    ["lgpl-2.1", "LGPL-2.1-only", "LGPL-2.1-or-later"],
    ["agpl-3.0", "AGPL-3.0-only", "AGPL-3.0-or-later"],
  ])("maps the bare GNU id %s to %s with a note about %s", (id, spdx, later) => {
    const result = mapHuggingFaceLicense(id);
    expect(result.ok && result.value.spdx).toBe(spdx);
    expect(result.ok && result.value.note).toContain(later);
  });

  it.each([
    ["llama3.1", "LicenseRef-Llama-3.1-Community", "Llama 3.1 Community License", "https://www.llama.com/llama3_1/license/"],
    ["llama2", "LicenseRef-Llama-2-Community", "Llama 2 Community License", "https://www.llama.com/llama2/license/"],
    ["gemma", "LicenseRef-Gemma", "Gemma Terms of Use", "https://ai.google.dev/gemma/terms"],
    [
      "creativeml-openrail-m",
      "LicenseRef-CreativeML-OpenRAIL-M",
      "CreativeML Open RAIL-M License",
      "https://huggingface.co/spaces/CompVis/stable-diffusion-license",
    ],
    ["openrail++", "LicenseRef-OpenRAIL-PlusPlus", "CreativeML Open RAIL++-M License", expect.stringContaining("stable-diffusion-2")],
  ])("maps the non-SPDX %s to %s", (id, ref, name, url) => {
    expect(mapHuggingFaceLicense(id)).toEqual({ ok: true, value: { spdx: ref, custom: { ref, name, url } } });
  });

  it.each([
    ["bsd", /BSD-2-Clause', 'BSD-3-Clause'/],
    ["gpl", /'GPL-3\.0-only', 'GPL-3\.0-or-later'/],
    ["lgpl", /'LGPL-2\.1-only'/],
    ["gfdl", /'GFDL-1\.3-only'/],
    ["cc", /'CC-BY-4\.0'/],
  ])("asks for the exact version of the family %s", (id, options) => {
    const result = mapHuggingFaceLicense(id);
    expect(result).toMatchObject({ ok: false, code: "AMBIGUOUS_LICENSE" });
    if (result.ok) return;
    expect(result.message).toMatch(`The model card says license: ${id}, which does not say which exact license or version.`);
    expect(result.message).toMatch(options);
  });

  it.each<[{ name: string; link?: string }, string]>([
    [{ name: "Acme Model License v2", link: "https://acme.example/model-license" }, "LicenseRef-Acme-Model-License-v2"],
    [{ name: "  Licence Modèle Ouvert 1.1 " }, "LicenseRef-Licence-Modele-Ouvert-1.1"],
    [{ name: "Tencent Hunyuan Community License (2024)" }, "LicenseRef-Tencent-Hunyuan-Community-License-2024"],
  ])("maps other with a name to a LicenseRef: %j", (extra, ref) => {
    const result = mapHuggingFaceLicense("other", extra);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.spdx).toBe(ref);
    expect(result.value.custom).toEqual(
      extra.link === undefined ? { ref, name: extra.name.trim() } : { ref, name: extra.name, url: extra.link },
    );
    expect(isCustomRef(ref)).toBe(true);
  });

  it("notes when an other license is named after an SPDX license", () => {
    const result = mapHuggingFaceLicense("other", { name: "MIT", link: "https://example.org/LICENSE" });
    expect(result.ok && result.value.note).toBe("'MIT' is the SPDX license 'MIT'; use that id instead if the license text is unchanged.");
  });

  it.each([[undefined], [{}], [{ name: "   " }], [{ name: "—" }], [{ link: "https://example.org/LICENSE" }]])(
    "requires a name for other (%j)",
    (extra) => {
      expect(mapHuggingFaceLicense("other", extra)).toEqual({
        ok: false,
        code: "OTHER_NEEDS_NAME",
        message: "The model card says license: other. Give the license a name and a link or its text.",
      });
    },
  );

  it.each([
    ["unknown", /license: unknown\. Find out the actual license/],
    ["apache2", /^Unknown Hugging Face license id 'apache2'\. Did you mean 'apache-2\.0'\?$/],
    ["llama-3.1", /Did you mean 'llama3\.1'\?/],
    ["creativeml-openrail", /Did you mean 'creativeml-openrail-m'\?/],
    ["proprietary-xyzzy-terms", /^Unknown Hugging Face license id 'proprietary-xyzzy-terms'\.$/],
  ])("rejects %j as an unknown license", (id, message) => {
    const result = mapHuggingFaceLicense(id);
    expect(result).toMatchObject({ ok: false, code: "UNKNOWN_LICENSE" });
    expect(!result.ok && result.message).toMatch(message);
  });

  it("rejects an empty id", () => {
    expect(mapHuggingFaceLicense("  ")).toMatchObject({ ok: false, code: "EMPTY" });
  });
});

describe("slugifyLicenseName", () => {
  it.each([
    ["Acme Model License", "Acme-Model-License"],
    ["Überlizenz 2.0", "Uberlizenz-2.0"],
    ["...Weird / Name!!", "Weird-Name"],
    ["a".repeat(80), "a".repeat(64)],
    ["中文许可证", ""],
  ])("%j → %j", (name, slug) => {
    expect(slugifyLicenseName(name)).toBe(slug);
  });
});
