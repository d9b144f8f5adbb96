// Pure release rules: normalising a proposal (digests, licenses, registry links), edit locks, and which
// person may ask for which status change. No I/O; the mutations call these on fresh rows.
import { parseLicenseExpression } from "@/lib/licensing/spdx";
import { parseDigest, parseRegistryRef } from "@/lib/registry/rules";
import { can, type Action } from "@/lib/policy";
import type { PolicyActor, SpaceRole } from "@/lib/policy-resource";
import { isEditable, nextStatuses, statusLabel, type ReleaseStatus } from "@/lib/releases/lifecycle";
import { mofComponentIds, mofComponents, type MofComponentId } from "@/lib/releases/openness";
import { regarding } from "@/lib/releases/regarding";

export const artifactKinds = ["weights", "tokenizer", "config", "code", "dataset", "evaluation", "documentation", "other"] as const;
export type ArtifactKind = (typeof artifactKinds)[number];

export type ArtifactDraft = { name: string; kind: ArtifactKind; digest: string; sizeBytes?: number | null; uri?: string | null };
export type ComponentDraft = { component: string; included: boolean; license?: string | null; licenseName?: string | null; licenseUrl?: string | null };

export type NormalArtifact = { name: string; kind: ArtifactKind; digest: string; sizeBytes: number | null; uri: string | null };
export type NormalComponent = { component: MofComponentId; included: boolean; license: string | null; licenseName: string | null; licenseUrl: string | null };
export type NormalLink = { kind: string; reference: string; pinned: boolean; display: string; url: string | null };

export type RuleFailure = { ok: false; code: string; message: string; field: string };
export type RuleResult<T> = { ok: true; value: T } | RuleFailure;

const refuse = (code: string, message: string, field: string): RuleFailure => ({ ok: false, code, message, field });

export const sortedDigests = (digests: readonly string[]): string[] => [...digests].sort();

/** True when the current artifact digests are not exactly the set the vote was opened on. */
export function digestsChangedSinceVote(current: readonly string[], voted: readonly string[]): boolean {
  const a = sortedDigests(current);
  const b = sortedDigests(voted);
  return a.length !== b.length || a.some((d, i) => d !== b[i]);
}

export function normalizeArtifacts(artifacts: readonly ArtifactDraft[]): RuleResult<NormalArtifact[]> {
  const names = new Set<string>();
  const out: NormalArtifact[] = [];
  for (const [i, a] of artifacts.entries()) {
    const field = `artifacts.${i}`;
    const name = a.name.trim();
    if (names.has(name.toLowerCase())) return refuse("DUPLICATE_ARTIFACT", `Two artifacts are named “${name}”; give each its own name.`, `${field}.name`);
    names.add(name.toLowerCase());
    const digest = parseDigest(a.digest);
    if (!digest.ok) {
      const code = digest.code === "BAD_DIGEST_LENGTH" ? "DIGEST_WRONG_LENGTH" : "MALFORMED_DIGEST";
      return refuse(code, regarding(`the artifact “${name}”`, digest.message), `${field}.digest`);
    }
    let uri: string | null = null;
    if (a.uri && a.uri.trim() !== "") {
      const parsed = parseRegistryRef(a.uri);
      if (!parsed.ok) return refuse("BAD_ARTIFACT_URI", regarding(`the link of the artifact “${name}”`, parsed.message), `${field}.uri`);
      uri = parsed.value.normalized;
    }
    out.push({ name, kind: a.kind, digest: digest.value, sizeBytes: a.sizeBytes ?? null, uri });
  }
  return { ok: true, value: out };
}

const componentLabel = (id: MofComponentId) => mofComponents.find((spec) => spec.id === id)?.label ?? id;

const isComponentId = (id: string): id is MofComponentId => (mofComponentIds as readonly string[]).includes(id);

export function normalizeComponents(components: readonly ComponentDraft[]): RuleResult<NormalComponent[]> {
  const seen = new Set<string>();
  const out: NormalComponent[] = [];
  for (const [i, c] of components.entries()) {
    const field = `components.${i}`;
    if (!isComponentId(c.component)) {
      return refuse("UNKNOWN_COMPONENT", `The Model Openness Framework has no component called “${c.component}”.`, `${field}.component`);
    }
    const label = componentLabel(c.component);
    if (seen.has(c.component)) return refuse("DUPLICATE_COMPONENT", `${label} is listed twice; keep one entry for it.`, `${field}.component`);
    seen.add(c.component);
    const raw = c.license?.trim() ?? "";
    if (raw === "") {
      out.push({ component: c.component, included: c.included, license: null, licenseName: null, licenseUrl: null });
      continue;
    }
    const parsed = parseLicenseExpression(raw);
    if (!parsed.ok) {
      const code = parsed.code === "UNKNOWN_LICENSE" || parsed.code === "UNKNOWN_EXCEPTION" ? "UNKNOWN_LICENSE" : "BAD_LICENSE_EXPRESSION";
      return refuse(code, regarding(`the license of ${label}`, parsed.message), `${field}.license`);
    }
    const name = c.licenseName?.trim() || null;
    const url = c.licenseUrl?.trim() || null;
    if (parsed.value.refs.length > 0 && (name === null || url === null)) {
      return refuse(
        "CUSTOM_LICENSE_NEEDS_DETAILS",
        `The license of ${label}, ${parsed.value.refs.join(", ")}, is a custom license: give its name and a link to its text.`,
        `${field}.licenseName`,
      );
    }
    if (url !== null && !/^https:\/\/\S+$/.test(url)) return refuse("BAD_LICENSE_URL", `The license link of ${label} must be an https:// address.`, `${field}.licenseUrl`);
    const custom = parsed.value.refs.length > 0;
    out.push({ component: c.component, included: c.included, license: parsed.value.expression, licenseName: custom ? name : null, licenseUrl: custom ? url : null });
  }
  return { ok: true, value: out };
}

export function normalizeLinks(links: readonly string[]): RuleResult<NormalLink[]> {
  const out: NormalLink[] = [];
  for (const [i, text] of links.entries()) {
    if (text.trim() === "") continue;
    const parsed = parseRegistryRef(text);
    if (!parsed.ok) return refuse(`BAD_REFERENCE`, regarding(`the reference “${text.trim()}”`, parsed.message), `links.${i}`);
    const ref = parsed.value;
    if (out.some((l) => l.reference === ref.normalized)) continue;
    out.push({ kind: ref.kind, reference: ref.normalized, pinned: ref.pinned, display: ref.display, url: ref.url ?? null });
  }
  return { ok: true, value: out };
}

export function normalizeBaseModel(text: string | null | undefined): RuleResult<string | null> {
  const trimmed = text?.trim() ?? "";
  if (trimmed === "") return { ok: true, value: null };
  // A bare "org/name" is how model cards name a Hugging Face base model.
  const candidate = /^[A-Za-z0-9][\w-]*\/[\w.-]+$/.test(trimmed) ? `hf://${trimmed}` : trimmed;
  const parsed = parseRegistryRef(candidate);
  if (!parsed.ok) return refuse("BAD_BASE_MODEL", regarding("the base model", parsed.message), "baseModelRef");
  return { ok: true, value: parsed.value.normalized };
}

export const sameArtifacts = (a: readonly NormalArtifact[], b: readonly NormalArtifact[]): boolean => {
  const key = (x: NormalArtifact) => `${x.name}\u0000${x.kind}\u0000${x.digest}\u0000${x.sizeBytes ?? ""}\u0000${x.uri ?? ""}`;
  const ka = a.map(key).sort();
  const kb = b.map(key).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i]);
};

export const sameComponents = (a: readonly NormalComponent[], b: readonly NormalComponent[]): boolean => {
  // A component that is neither included nor licensed says nothing; listing it or not is the same release.
  const key = (x: NormalComponent) => JSON.stringify([x.component, x.included, x.license, x.licenseName, x.licenseUrl]);
  const meaningful = (x: NormalComponent) => x.included || x.license !== null;
  const ka = a.filter(meaningful).map(key).sort();
  const kb = b.filter(meaningful).map(key).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i]);
};

export type EditScope = { identity: boolean; artifacts: boolean; components: boolean; links: boolean; text: boolean };

/**
 * Which parts of a release may change in a status. Artifacts and components freeze once a vote opens (voters saw
 * them); links stay editable until publication, since publishing needs them pinned; text until publication.
 */
export function checkEdit({
  status,
  changes,
  current,
  next,
}: {
  status: ReleaseStatus;
  changes: EditScope;
  current: { artifacts: NormalArtifact[]; components: NormalComponent[] };
  next: { artifacts?: NormalArtifact[]; components?: NormalComponent[] };
}): { ok: true } | RuleFailure {
  if (isEditable(status)) return { ok: true };
  const beforePublication = status === "voting" || status === "approved" || status === "rejected";
  if (changes.artifacts && next.artifacts && !sameArtifacts(current.artifacts, next.artifacts)) {
    return refuse(
      "ARTIFACTS_FROZEN",
      `The artifacts of a release in ${statusLabel(status)} cannot change: a vote has opened on exactly these digests. Withdraw it and propose a new version instead.`,
      "artifacts",
    );
  }
  if (changes.components && next.components && !sameComponents(current.components, next.components)) {
    return refuse(
      "COMPONENTS_FROZEN",
      `The components and licenses of a release in ${statusLabel(status)} cannot change by hand once a vote has opened; a licensing decision can still set them.`,
      "components",
    );
  }
  if (changes.identity) return refuse("RELEASE_LOCKED", `The model name, version and lineage of a release in ${statusLabel(status)} cannot change.`, "version");
  if (!beforePublication && (changes.links || changes.text)) {
    return refuse("RELEASE_LOCKED", `A ${statusLabel(status)} release is part of the record and can no longer be edited.`, "_");
  }
  return { ok: true };
}

/** The policy action a person needs to ask for a status, or a refusal for statuses nobody sets by hand. */
export function transitionAction(from: ReleaseStatus, to: ReleaseStatus): { ok: true; action: Action } | { ok: false; code: string; message: string } {
  if (to === "voting") {
    return {
      ok: false,
      code: "VOTE_THROUGH_DECISION",
      message: "Voting on a release starts when a steward opens a release decision for it (Decisions → new release vote); it cannot be set by hand.",
    };
  }
  if (to === "withdrawn" && from === "voting") {
    return {
      ok: false,
      code: "VOTE_OPEN",
      message: "A vote is open on this release; cancel its release decision first (which returns it to review), then withdraw it.",
    };
  }
  // Publishing, and withdrawing what a vote approved, are stewards' calls.
  if (to === "published" || (to === "withdrawn" && from === "approved")) return { ok: true, action: "release.publish" };
  if (to === "deprecated" || to === "yanked") return { ok: true, action: "release.retire" };
  return { ok: true, action: "release.submit" };
}

/** The record event type for a person's status change. */
export function transitionEventType(to: ReleaseStatus): string {
  switch (to) {
    case "in_review":
      return "release.submitted";
    case "draft":
      return "release.returned_to_draft";
    default:
      return `release.${to}`;
  }
}

/** The status changes a viewer could ask for now: the page's buttons. The mutation re-checks everything. */
export function allowedTransitions({
  actor,
  status,
  space,
  proposerId,
}: {
  actor: PolicyActor;
  status: ReleaseStatus;
  space: { visibility: "public" | "private"; role: SpaceRole | null; mirrorOf: string | null };
  proposerId: string;
}): ReleaseStatus[] {
  return nextStatuses(status).filter((to) => {
    if (to === "approved" || to === "rejected") return false;
    const needed = transitionAction(status, to);
    return needed.ok && can(actor, needed.action, { space, proposerId }).allow;
  });
}

export const withdrawalReasonMax = 500;

/**
 * A withdrawal ends a proposal for good, so the record keeps why. The reason arrives trimmed (zod);
 * other transitions need none.
 */
export function checkWithdrawalReason(to: ReleaseStatus, reason: string | undefined): RuleResult<string | null> {
  if (to !== "withdrawn") return { ok: true, value: null };
  const text = reason?.trim() ?? "";
  if (text === "") return refuse("REASON_REQUIRED", "Say why the release is withdrawn; the record keeps the reason.", "reason");
  if (text.length > withdrawalReasonMax) {
    return refuse("REASON_TOO_LONG", `The reason is limited to ${withdrawalReasonMax} characters; it has ${text.length}.`, "reason");
  }
  return { ok: true, value: text };
}
