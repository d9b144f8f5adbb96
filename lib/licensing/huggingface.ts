// Maps Hugging Face model-card license ids to SPDX ids, or to LicenseRef-* ids for licenses SPDX does not list.
import { huggingFaceLicenses } from "./huggingface-table";
import type { ParseResult } from "./result";
import { canonicalLicenseId } from "./spdx-ids";
import { formatDidYouMean, suggestClosest } from "./suggest";

export type CustomLicense = { ref: string; name: string; url?: string };

export type HuggingFaceMapping = { spdx: string; custom?: CustomLicense; note?: string };

export const huggingFaceLicenseIds: readonly string[] = [...huggingFaceLicenses.keys()];

const huggingFaceCandidates = huggingFaceLicenseIds.map((key) => ({ key, suggest: [key] }));

// LicenseRef ids allow only letters, digits, dots and hyphens; long names make unreadable ids.
const maxSlugLength = 64;

export function slugifyLicenseName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9.]+/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "")
    .slice(0, maxSlugLength)
    .replace(/[-.]+$/g, "");
}

function mapOther(extra?: { name?: string; link?: string }): ParseResult<HuggingFaceMapping> {
  const name = extra?.name?.trim() ?? "";
  const slug = slugifyLicenseName(name);
  if (slug === "") {
    return {
      ok: false,
      code: "OTHER_NEEDS_NAME",
      message: "The model card says license: other. Give the license a name and a link or its text.",
    };
  }
  const ref = `LicenseRef-${slug}`;
  const url = extra?.link?.trim();
  const custom: CustomLicense = url ? { ref, name, url } : { ref, name };
  const listed = canonicalLicenseId(name);
  const note =
    listed === undefined
      ? undefined
      : `'${name}' is the SPDX license '${listed}'; use that id instead if the license text is unchanged.`;
  return { ok: true, value: note === undefined ? { spdx: ref, custom } : { spdx: ref, custom, note } };
}

export function mapHuggingFaceLicense(
  id: string,
  extra?: { name?: string; link?: string },
): ParseResult<HuggingFaceMapping> {
  const key = id.trim().toLowerCase();
  if (key === "") {
    return { ok: false, code: "EMPTY", message: "The model card has no license id. Add one, such as 'apache-2.0'." };
  }
  const entry = huggingFaceLicenses.get(key);
  if (entry === undefined) {
    // Some cards already carry a real SPDX id that Hugging Face does not list (e.g. MIT-0); take it as is.
    const listed = canonicalLicenseId(key);
    if (listed !== undefined) return { ok: true, value: { spdx: listed } };
    const hint = formatDidYouMean(suggestClosest(key, huggingFaceCandidates));
    return { ok: false, code: "UNKNOWN_LICENSE", message: `Unknown Hugging Face license id '${id.trim()}'.${hint}` };
  }
  switch (entry.kind) {
    case "spdx":
      return { ok: true, value: entry.note === undefined ? { spdx: entry.spdx } : { spdx: entry.spdx, note: entry.note } };
    case "custom": {
      const custom: CustomLicense =
        entry.url === undefined ? { ref: entry.ref, name: entry.name } : { ref: entry.ref, name: entry.name, url: entry.url };
      return { ok: true, value: { spdx: entry.ref, custom } };
    }
    case "ambiguous":
      return {
        ok: false,
        code: "AMBIGUOUS_LICENSE",
        message: `The model card says license: ${key}, which does not say which exact license or version. Pick one, e.g. ${entry.options.map((o) => `'${o}'`).join(", ")}.`,
      };
    case "unknown":
      return {
        ok: false,
        code: "UNKNOWN_LICENSE",
        message:
          "The model card says license: unknown. Find out the actual license and give its SPDX id, or a name and a link for a custom license.",
      };
    case "other":
      return mapOther(extra);
  }
}
