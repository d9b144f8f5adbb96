// Pure checks for filing a report: the scope and affected digests against the release's current artifacts.
import type { Check } from "@/lib/audits/rules";
import type { FindingEntry } from "@/lib/audits/schema";

export type FilingCode = "DIGEST_NOT_IN_RELEASE" | "DIGEST_OUT_OF_SCOPE" | "DUPLICATE_DIGEST";

const short = (digest: string) => `${digest.slice(0, 19)}…`;

/**
 * A report examines digests that are the release's now; each finding affects digests the report examined.
 * `field` names the offending input, for forms.
 */
export function checkFilingDigests({
  scopeDigests,
  findings,
  releaseDigests,
}: {
  scopeDigests: readonly string[];
  findings: ReadonlyArray<Pick<FindingEntry, "title" | "affectedDigests">>;
  releaseDigests: readonly string[];
}): Check<FilingCode> & { field?: string } {
  const release = new Set(releaseDigests);
  const seen = new Set<string>();
  for (const [index, digest] of scopeDigests.entries()) {
    if (seen.has(digest)) {
      return { ok: false, code: "DUPLICATE_DIGEST", message: `The scope lists ${short(digest)} twice.`, field: `scopeDigests.${index}` };
    }
    seen.add(digest);
    if (!release.has(digest)) {
      return {
        ok: false,
        code: "DIGEST_NOT_IN_RELEASE",
        message: `The scope names ${short(digest)}, which is not one of this release's current artifacts.`,
        field: `scopeDigests.${index}`,
      };
    }
  }
  for (const [index, finding] of findings.entries()) {
    for (const [d, digest] of finding.affectedDigests.entries()) {
      const field = `findings.${index}.affectedDigests.${d}`;
      if (!release.has(digest)) {
        return {
          ok: false,
          code: "DIGEST_NOT_IN_RELEASE",
          message: `Finding ${index + 1} (“${finding.title}”) names ${short(digest)}, which is not one of this release's current artifacts.`,
          field,
        };
      }
      if (!seen.has(digest)) {
        return {
          ok: false,
          code: "DIGEST_OUT_OF_SCOPE",
          message: `Finding ${index + 1} (“${finding.title}”) names ${short(digest)}, which the report's scope does not include; add it to the scope.`,
          field,
        };
      }
    }
  }
  return { ok: true };
}

const closedStatuses = ["withdrawn"];

/** Audits stay open for a release's whole life (a published model can still be found lacking), except once withdrawn. */
export function checkReleaseAuditable(status: string): Check<"RELEASE_WITHDRAWN"> {
  if (closedStatuses.includes(status)) {
    return { ok: false, code: "RELEASE_WITHDRAWN", message: "This release was withdrawn; it can no longer be audited." };
  }
  return { ok: true };
}

/** Review comments are required when they are the point: asking for changes or disputing. */
export function checkReviewComment({ verdict, comment }: { verdict: string; comment: string }): Check<"COMMENT_REQUIRED"> {
  if (verdict !== "accept" && comment.trim().length === 0) {
    const what = verdict === "dispute" ? "dispute" : "request changes";
    return { ok: false, code: "COMMENT_REQUIRED", message: `Say why you ${what}: a comment is required.` };
  }
  return { ok: true };
}
