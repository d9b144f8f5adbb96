// Case-insensitive lookups over the SPDX license and exception lists, plus typo-suggestion candidates.
import exceptionIds from "spdx-exceptions/index.json";
import deprecatedIds from "spdx-license-ids/deprecated.json";
import licenseIds from "spdx-license-ids/index.json";
import { huggingFaceLicenses } from "./huggingface-table";
import type { SuggestionCandidate } from "./suggest";

export const currentLicenseIds: readonly string[] = licenseIds;
export const deprecatedLicenseIds: ReadonlySet<string> = new Set<string>(deprecatedIds);

// SPDX says ids match case-insensitively; the lists have no two ids differing only in case.
const licenseByLower = new Map<string, string>([...licenseIds, ...deprecatedIds].map((id) => [id.toLowerCase(), id]));
const exceptionByLower = new Map<string, string>(exceptionIds.map((id) => [id.toLowerCase(), id]));

export const canonicalLicenseId = (id: string): string | undefined => licenseByLower.get(id.toLowerCase());
export const canonicalExceptionId = (id: string): string | undefined => exceptionByLower.get(id.toLowerCase());

// Hugging Face ids are what people most often type by mistake, so they suggest their SPDX meaning.
const huggingFaceCandidates: SuggestionCandidate[] = [...huggingFaceLicenses].flatMap(([key, entry]) => {
  switch (entry.kind) {
    case "spdx":
      return [{ key, suggest: [entry.spdx] }];
    case "custom":
      return [{ key, suggest: [entry.ref] }];
    case "ambiguous":
      return [{ key, suggest: entry.options }];
    default:
      return [];
  }
});

// Hugging Face ids first: they are the popular ones, and suggestClosest breaks ties by order.
export const licenseSuggestionCandidates: readonly SuggestionCandidate[] = [
  ...huggingFaceCandidates,
  ...licenseIds.map((id) => ({ key: id, suggest: [id] })),
];

export const exceptionSuggestionCandidates: readonly SuggestionCandidate[] = exceptionIds.map((id) => ({
  key: id,
  suggest: [id],
}));
