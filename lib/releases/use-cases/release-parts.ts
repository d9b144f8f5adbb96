// Normalising a release's parts (artifacts, components, links, base model) for a proposal or an edit.
import "server-only";
import type { NormalFields } from "@/lib/releases/mutations";
import { normalizeArtifacts, normalizeBaseModel, normalizeComponents, normalizeLinks, type RuleResult } from "@/lib/releases/rules";
import type { CreateReleaseInput } from "@/lib/releases/schema";
import { ok, fail, type Result } from "@/lib/result";

export const invalid = (r: Extract<RuleResult<unknown>, { ok: false }>) => fail(r.code, r.message, "invalid", { [r.field]: [r.message] });

type Parts = Pick<CreateReleaseInput, "artifacts" | "components" | "links" | "baseModelRef">;

/** Every parser runs before anything is written, so bad input leaves no trace. */
export function normalizeParts(input: Partial<Parts>): Result<Partial<Pick<NormalFields, "artifacts" | "components" | "links" | "baseModelRef">>> {
  const out: Partial<Pick<NormalFields, "artifacts" | "components" | "links" | "baseModelRef">> = {};
  if (input.artifacts !== undefined) {
    const artifacts = normalizeArtifacts(input.artifacts);
    if (!artifacts.ok) return invalid(artifacts);
    out.artifacts = artifacts.value;
  }
  if (input.components !== undefined) {
    const components = normalizeComponents(input.components);
    if (!components.ok) return invalid(components);
    out.components = components.value;
  }
  if (input.links !== undefined) {
    const links = normalizeLinks(input.links);
    if (!links.ok) return invalid(links);
    out.links = links.value;
  }
  if (input.baseModelRef !== undefined) {
    const base = normalizeBaseModel(input.baseModelRef);
    if (!base.ok) return invalid(base);
    out.baseModelRef = base.value;
  }
  return ok(out);
}
