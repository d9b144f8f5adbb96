// The license ids Hugging Face model cards accept, and what each one means in SPDX terms.
// Source: https://huggingface.co/docs/hub/repositories-licenses (list as of 2025).

export type HuggingFaceEntry =
  | { kind: "spdx"; spdx: string; note?: string }
  | { kind: "custom"; ref: string; name: string; url?: string }
  | { kind: "ambiguous"; options: readonly string[] }
  | { kind: "unknown" }
  | { kind: "other" };

const spdx = (id: string, note?: string): HuggingFaceEntry =>
  note === undefined ? { kind: "spdx", spdx: id } : { kind: "spdx", spdx: id, note };

const custom = (ref: string, name: string, url?: string): HuggingFaceEntry =>
  url === undefined ? { kind: "custom", ref, name } : { kind: "custom", ref, name, url };

const ambiguous = (...options: string[]): HuggingFaceEntry => ({ kind: "ambiguous", options });

// Hugging Face's bare GNU ids predate the -only/-or-later split; the SPDX deprecated form means "-only".
const onlyNote = (hf: string, only: string, later: string): string =>
  `The model card says ${hf}, which does not say "or later"; read as ${only}. Use ${later} if later versions are allowed.`;

export const huggingFaceLicenses: ReadonlyMap<string, HuggingFaceEntry> = new Map<string, HuggingFaceEntry>([
  ["apache-2.0", spdx("Apache-2.0")],
  ["mit", spdx("MIT")],
  ["openrail", custom("LicenseRef-OpenRAIL", "Open RAIL License", "https://www.licenses.ai/")],
  [
    "openrail++",
    custom(
      "LicenseRef-OpenRAIL-PlusPlus",
      "CreativeML Open RAIL++-M License",
      "https://huggingface.co/stabilityai/stable-diffusion-2/blob/main/LICENSE-MODEL",
    ),
  ],
  [
    "bigscience-openrail-m",
    custom(
      "LicenseRef-BigScience-OpenRAIL-M",
      "BigScience Open RAIL-M License",
      "https://bigscience.huggingface.co/blog/bigscience-openrail-m",
    ),
  ],
  [
    "creativeml-openrail-m",
    custom(
      "LicenseRef-CreativeML-OpenRAIL-M",
      "CreativeML Open RAIL-M License",
      "https://huggingface.co/spaces/CompVis/stable-diffusion-license",
    ),
  ],
  [
    "bigscience-bloom-rail-1.0",
    custom(
      "LicenseRef-BigScience-BLOOM-RAIL-1.0",
      "BigScience BLOOM RAIL License v1.0",
      "https://huggingface.co/spaces/bigscience/license",
    ),
  ],
  [
    "bigcode-openrail-m",
    custom(
      "LicenseRef-BigCode-OpenRAIL-M",
      "BigCode Open RAIL-M License",
      "https://huggingface.co/spaces/bigcode/bigcode-model-license-agreement",
    ),
  ],
  ["afl-3.0", spdx("AFL-3.0")],
  ["artistic-2.0", spdx("Artistic-2.0")],
  ["bsl-1.0", spdx("BSL-1.0")],
  ["bsd", ambiguous("BSD-2-Clause", "BSD-3-Clause", "BSD-3-Clause-Clear")],
  ["bsd-2-clause", spdx("BSD-2-Clause")],
  ["bsd-3-clause", spdx("BSD-3-Clause")],
  ["bsd-3-clause-clear", spdx("BSD-3-Clause-Clear")],
  ["c-uda", spdx("C-UDA-1.0")],
  ["cc", ambiguous("CC0-1.0", "CC-BY-4.0", "CC-BY-SA-4.0", "CC-BY-NC-4.0")],
  ["cc0-1.0", spdx("CC0-1.0")],
  ["cc-by-2.0", spdx("CC-BY-2.0")],
  ["cc-by-2.5", spdx("CC-BY-2.5")],
  ["cc-by-3.0", spdx("CC-BY-3.0")],
  ["cc-by-4.0", spdx("CC-BY-4.0")],
  ["cc-by-sa-3.0", spdx("CC-BY-SA-3.0")],
  ["cc-by-sa-4.0", spdx("CC-BY-SA-4.0")],
  ["cc-by-nc-2.0", spdx("CC-BY-NC-2.0")],
  ["cc-by-nc-3.0", spdx("CC-BY-NC-3.0")],
  ["cc-by-nc-4.0", spdx("CC-BY-NC-4.0")],
  ["cc-by-nd-4.0", spdx("CC-BY-ND-4.0")],
  ["cc-by-nc-nd-3.0", spdx("CC-BY-NC-ND-3.0")],
  ["cc-by-nc-nd-4.0", spdx("CC-BY-NC-ND-4.0")],
  ["cc-by-nc-sa-2.0", spdx("CC-BY-NC-SA-2.0")],
  ["cc-by-nc-sa-3.0", spdx("CC-BY-NC-SA-3.0")],
  ["cc-by-nc-sa-4.0", spdx("CC-BY-NC-SA-4.0")],
  ["cdla-sharing-1.0", spdx("CDLA-Sharing-1.0")],
  ["cdla-permissive-1.0", spdx("CDLA-Permissive-1.0")],
  ["cdla-permissive-2.0", spdx("CDLA-Permissive-2.0")],
  ["wtfpl", spdx("WTFPL")],
  ["ecl-2.0", spdx("ECL-2.0")],
  ["epl-1.0", spdx("EPL-1.0")],
  ["epl-2.0", spdx("EPL-2.0")],
  ["etalab-2.0", spdx("etalab-2.0")],
  ["eupl-1.1", spdx("EUPL-1.1")],
  ["eupl-1.2", spdx("EUPL-1.2")],
  ["agpl-3.0", spdx("AGPL-3.0-only", onlyNote("agpl-3.0", "AGPL-3.0-only", "AGPL-3.0-or-later"))],
  ["gfdl", ambiguous("GFDL-1.3-only", "GFDL-1.3-or-later", "GFDL-1.2-only", "GFDL-1.2-or-later")],
  ["gpl", ambiguous("GPL-2.0-only", "GPL-2.0-or-later", "GPL-3.0-only", "GPL-3.0-or-later")],
  ["gpl-2.0", spdx("GPL-2.0-only", onlyNote("gpl-2.0", "GPL-2.0-only", "GPL-2.0-or-later"))],
  ["gpl-3.0", spdx("GPL-3.0-only", onlyNote("gpl-3.0", "GPL-3.0-only", "GPL-3.0-or-later"))],
  ["lgpl", ambiguous("LGPL-2.1-only", "LGPL-2.1-or-later", "LGPL-3.0-only", "LGPL-3.0-or-later")],
  ["lgpl-2.1", spdx("LGPL-2.1-only", onlyNote("lgpl-2.1", "LGPL-2.1-only", "LGPL-2.1-or-later"))],
  ["lgpl-3.0", spdx("LGPL-3.0-only", onlyNote("lgpl-3.0", "LGPL-3.0-only", "LGPL-3.0-or-later"))],
  ["isc", spdx("ISC")],
  ["h-research", custom("LicenseRef-H-Research", "H Research License")],
  ["intel-research", custom("LicenseRef-Intel-Research", "Intel Research Use License")],
  ["lppl-1.3c", spdx("LPPL-1.3c")],
  ["ms-pl", spdx("MS-PL")],
  ["apple-ascl", custom("LicenseRef-Apple-ASCL", "Apple Sample Code License")],
  ["apple-amlr", custom("LicenseRef-Apple-AMLR", "Apple Machine Learning Research Model License")],
  ["mpl-2.0", spdx("MPL-2.0")],
  ["odc-by", spdx("ODC-By-1.0")],
  ["odbl", spdx("ODbL-1.0")],
  ["openmdw-1.0", spdx("OpenMDW-1.0")],
  [
    "llama2",
    custom("LicenseRef-Llama-2-Community", "Llama 2 Community License", "https://www.llama.com/llama2/license/"),
  ],
  [
    "llama3",
    custom("LicenseRef-Llama-3-Community", "Llama 3 Community License", "https://www.llama.com/llama3/license/"),
  ],
  [
    "llama3.1",
    custom("LicenseRef-Llama-3.1-Community", "Llama 3.1 Community License", "https://www.llama.com/llama3_1/license/"),
  ],
  [
    "llama3.2",
    custom("LicenseRef-Llama-3.2-Community", "Llama 3.2 Community License", "https://www.llama.com/llama3_2/license/"),
  ],
  [
    "llama3.3",
    custom("LicenseRef-Llama-3.3-Community", "Llama 3.3 Community License", "https://www.llama.com/llama3_3/license/"),
  ],
  [
    "llama4",
    custom("LicenseRef-Llama-4-Community", "Llama 4 Community License", "https://www.llama.com/llama4/license/"),
  ],
  ["gemma", custom("LicenseRef-Gemma", "Gemma Terms of Use", "https://ai.google.dev/gemma/terms")],
  [
    "deepfloyd-if-license",
    custom(
      "LicenseRef-DeepFloyd-IF",
      "DeepFloyd IF License Agreement",
      "https://huggingface.co/spaces/DeepFloyd/deepfloyd-if-license",
    ),
  ],
  [
    "fair-noncommercial-research-license",
    custom("LicenseRef-FAIR-Noncommercial-Research", "FAIR Noncommercial Research License"),
  ],
  ["unlicense", spdx("Unlicense")],
  ["unknown", { kind: "unknown" }],
  ["other", { kind: "other" }],
]);
