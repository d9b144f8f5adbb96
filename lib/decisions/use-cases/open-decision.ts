// Opening a decision: the charter's method and window, the kind's subject, and eligibility frozen by the write.
import "server-only";
import { spaceFacts } from "@/lib/spaces/data";
import type { Actor } from "@/lib/auth/session";
import type { Tx } from "@/lib/db";
import { auditGateForRelease } from "@/lib/audits/release-gate";
import { openReleaseConcerns } from "@/lib/concerns/data";
import { releaseBlockSentence } from "@/lib/concerns/rules";
import { currentCharter } from "@/lib/charter/data";
import { diffCharter, parseCharter, votingWindowCheck } from "@/lib/charter/rules";
import { listReleaseDecisions, releaseInSpace } from "@/lib/decisions/data";
// The write shares this use case's name, so it is reached as mutations.openDecision.
import * as mutations from "@/lib/decisions/mutations";
import type { DecisionSubject } from "@/lib/decisions/mutations";
import { buildOptions, isOptionMethod, resolveMethod } from "@/lib/decisions/rules";
import type { OpenDecisionInput } from "@/lib/decisions/schema";
import { parseLicenseExpression } from "@/lib/licensing/spdx";
import { mofComponentIds, type MofComponentId } from "@/lib/releases/openness";
import { fail, ok, type Result } from "@/lib/result";
import { authorize } from "@/lib/policy";
import { requireSpace } from "@/lib/spaces/access";
import { proposalInSpace } from "@/lib/threads/data";
import { linkProposalToDecision } from "@/lib/threads/mutations";

const HOUR_MS = 3600 * 1000;

export async function openDecision(actor: Actor | null, input: OpenDecisionInput, now = new Date()): Promise<Result<{ id: string; receipt: string; eligibilityHash: string; eligible: number }>> {
  const access = await requireSpace(actor, input.spaceSlug, "decision.open");
  const { version, charter } = await currentCharter(access.space.id);
  const kind = input.kind;
  const rule = charter.decisions[kind];

  let options = input.options;
  if (options?.length) {
    const built = buildOptions({ kind, options });
    if (!built.ok) return fail(built.code, built.message, "invalid", { options: [built.message] });
    options = built.value;
  }
  const resolved = resolveMethod({
    kind,
    rule,
    request: { method: input.method, quorum: input.quorum, threshold: input.threshold, minPlusOnes: input.minPlusOnes, options: options as Array<{ id: string; label: string }> | undefined },
  });
  if (!resolved.ok) return fail(resolved.code, resolved.message, "rule");
  const { method, params } = resolved.value;

  const closesAt = input.closesAt ? new Date(input.closesAt) : new Date(now.getTime() + (input.hours ?? rule.minHours) * HOUR_MS);
  const window = votingWindowCheck({ charter, kind, opensAt: now, closesAt });
  if (!window.ok) return fail(window.code, window.message, "rule", { closesAt: [window.message] });

  const subject: DecisionSubject = {};
  let releaseId: string | null = null;
  if (input.releaseId) {
    const release = await releaseInSpace(input.releaseId, access.space.id);
    if (!release) return fail("RELEASE_NOT_FOUND", "No such release in this space.", "not_found");
    releaseId = release.id;
    subject.releaseId = release.id;
  }
  switch (kind) {
    case "release": {
      if (!releaseId) return fail("RELEASE_REQUIRED", "A release decision names the release it approves.", "invalid", { releaseId: ["Choose a release"] });
      const open = (await listReleaseDecisions(releaseId)).find((d) => d.status === "open" && d.kind === "release");
      if (open) return fail("DECISION_ALREADY_OPEN", "A release vote on this release is already open.", "conflict");
      const gate = await auditGateForRelease(releaseId);
      if (gate.blocked) {
        const why = gate.reasons.map((r) => r.message).join(" ");
        return fail("AUDIT_GATE_BLOCKED", `The audits gate blocks this release from a vote: ${why}`, "rule");
      }
      const concerns = charter.decisions.release.concernsBlock ? await openReleaseConcerns(releaseId) : [];
      if (concerns.length > 0) return fail("CONCERN_BLOCKS", releaseBlockSentence(concerns), "rule");
      break;
    }
    case "licensing": {
      if (!releaseId) return fail("RELEASE_REQUIRED", "A licensing decision names the release whose license it decides.", "invalid", { releaseId: ["Choose a release"] });
      const component = licensedComponent(input.component);
      if (!component.ok) return component;
      subject.component = component.data;
      if (!isOptionMethod(method)) {
        if (!input.license) return fail("LICENSE_REQUIRED", `A ${method} licensing decision proposes one license: give it as an SPDX expression.`, "invalid", { license: ["Give an SPDX expression"] });
        const parsed = parseLicenseExpression(input.license);
        if (!parsed.ok) return fail("INVALID_LICENSE", parsed.message, "invalid", { license: [parsed.message] });
        subject.license = parsed.value.expression;
      }
      break;
    }
    case "deployment": {
      if (!input.target) return fail("TARGET_REQUIRED", 'A deployment decision names its target, for example "public inference endpoint".', "invalid", { target: ["Name the target"] });
      subject.target = input.target;
      subject.conditions = input.conditions ?? "";
      break;
    }
    case "charter": {
      const parsed = parseCharter(input.charter);
      if (!parsed.ok) return fail("INVALID_CHARTER", parsed.message, "invalid", Object.fromEntries(parsed.issues.map((i) => [`charter.${i.path}`, [i.message]])));
      const changes = diffCharter(charter, parsed.value);
      if (changes.length === 0) return fail("NO_CHANGE", "The proposed charter is the same as the one in force.", "rule");
      subject.charter = parsed.value;
      subject.changes = changes;
      break;
    }
    default:
      break;
  }

  let also: ((tx: Tx, decisionId: string) => Promise<void>) | undefined;
  if (input.proposalId) {
    authorize(actor, "proposal.link", { space: spaceFacts(access) });
    const proposal = await proposalInSpace(input.proposalId, access.space.id);
    if (!proposal) return fail("PROPOSAL_NOT_FOUND", "No such proposal in this space.", "not_found", { proposalId: ["No such proposal in this space"] });
    if (proposal.decisionId) return fail("PROPOSAL_ALREADY_DECIDED", "This proposal has already become a decision.", "conflict");
    const proposalId = proposal.id;
    also = (tx, decisionId) => linkProposalToDecision(tx, { proposalId, spaceId: access.space.id, decisionId, actorId: actor!.id });
  }

  return mutations.openDecision({
    also,
    spaceId: access.space.id,
    actorId: actor!.id,
    title: input.title,
    question: input.question,
    kind,
    method,
    params,
    subject,
    releaseId,
    charter,
    charterVersion: version,
    opensAt: now,
    closesAt,
  });
}

/** A licensing decision licenses one MOF component of the release, or (null) every included one. */
function licensedComponent(component: string | null | undefined): Result<MofComponentId | null> {
  if (!component) return ok(null);
  const known = mofComponentIds.find((id) => id === component);
  if (known) return ok(known);
  const message = `"${component}" is not a component of a release. Choose one of: ${mofComponentIds.join(", ")}; or none for every included component.`;
  return fail("UNKNOWN_COMPONENT", message, "rule", { component: [message] });
}
