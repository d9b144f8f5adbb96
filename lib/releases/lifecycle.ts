// The release state machine: which status changes are allowed, by whom, and behind which gates.

export const releaseStatuses = [
  "draft",
  "in_review",
  "voting",
  "approved",
  "rejected",
  "published",
  "deprecated",
  "yanked",
  "withdrawn",
] as const;
export type ReleaseStatus = (typeof releaseStatuses)[number];

/** Who asks for the change: a person, or the outcome of a vote. */
export type TransitionVia = "user" | "decision";

export type ReleaseGates = {
  auditBlockers?: string[];
  unpinnedLinks?: string[];
  digestsChangedSinceVote?: boolean;
  artifactCount: number;
};

export type TransitionCheck =
  | { ok: true; value: { from: ReleaseStatus; to: ReleaseStatus } }
  | { ok: false; code: string; message: string };

const TRANSITIONS: Record<ReleaseStatus, readonly ReleaseStatus[]> = {
  draft: ["in_review", "withdrawn"],
  in_review: ["draft", "voting", "withdrawn"],
  voting: ["approved", "rejected", "withdrawn"],
  approved: ["published", "withdrawn"],
  rejected: ["draft", "withdrawn"],
  published: ["deprecated", "yanked"],
  deprecated: ["yanked"],
  yanked: [],
  withdrawn: [],
};

/** Only the outcome of a vote may approve or reject; nobody can do it by hand. */
const DECISION_ONLY: ReadonlySet<ReleaseStatus> = new Set(["approved", "rejected"]);

const LABELS: Record<ReleaseStatus, string> = {
  draft: "draft",
  in_review: "in review",
  voting: "voting",
  approved: "approved",
  rejected: "rejected",
  published: "published",
  deprecated: "deprecated",
  yanked: "yanked",
  withdrawn: "withdrawn",
};

export function statusLabel(status: ReleaseStatus): string {
  return LABELS[status];
}

export function isReleaseStatus(value: unknown): value is ReleaseStatus {
  return typeof value === "string" && (releaseStatuses as readonly string[]).includes(value);
}

export function nextStatuses(from: ReleaseStatus): readonly ReleaseStatus[] {
  return TRANSITIONS[from];
}

export function canTransition(from: ReleaseStatus, to: ReleaseStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Artifacts and components can change only before the vote starts, so voters see a fixed release. */
export function isEditable(status: ReleaseStatus): boolean {
  return status === "draft" || status === "in_review";
}

export function checkTransition({
  from,
  to,
  via,
  gates,
}: {
  from: ReleaseStatus;
  to: ReleaseStatus;
  via: TransitionVia;
  gates: ReleaseGates;
}): TransitionCheck {
  if (from === to) {
    return refuse("ALREADY_IN_STATUS", `The release is already ${statusLabel(to)}.`);
  }
  if (!canTransition(from, to)) {
    const options = nextStatuses(from);
    const where =
      options.length === 0
        ? `${statusLabel(from)} is a final status`
        : `from ${statusLabel(from)} it can move to: ${options.map(statusLabel).join(", ")}`;
    return refuse("INVALID_TRANSITION", `A release in ${statusLabel(from)} cannot move to ${statusLabel(to)}; ${where}.`);
  }
  if (DECISION_ONLY.has(to) && via !== "decision") {
    return refuse(
      "DECISION_REQUIRED",
      `A release becomes ${statusLabel(to)} only through the outcome of its vote; it cannot be set by hand.`,
    );
  }
  if (via === "decision" && !DECISION_ONLY.has(to)) {
    return refuse(
      "DECISION_NOT_APPLICABLE",
      `A vote outcome can only approve or reject a release; moving it to ${statusLabel(to)} is a person's action.`,
    );
  }
  const gateFailure = checkGates(to, gates);
  if (gateFailure) return gateFailure;
  return { ok: true, value: { from, to } };
}

function checkGates(to: ReleaseStatus, gates: ReleaseGates): TransitionCheck | undefined {
  if (to === "in_review" && gates.artifactCount < 1) {
    return refuse("NO_ARTIFACTS", "Add at least one artifact (weights, dataset or image) before sending the release for review.");
  }
  const blockers = gates.auditBlockers ?? [];
  if (to === "voting" && blockers.length > 0) {
    return refuse(
      "AUDIT_BLOCKED",
      `Voting cannot start while the audit has ${count(blockers.length, "blocker")}: ${blockers.join("; ")}.`,
    );
  }
  if (to === "published") {
    const unpinned = gates.unpinnedLinks ?? [];
    if (unpinned.length > 0) {
      return refuse(
        "UNPINNED_REFERENCE",
        `Pin every reference to a commit or digest before publishing; ${count(unpinned.length, "reference")} can still change: ${unpinned.join(", ")}.`,
      );
    }
    if (gates.digestsChangedSinceVote) {
      return refuse(
        "DIGESTS_CHANGED",
        "Artifact digests changed after the vote, so the published release would not be the one that was approved; withdraw it and put the new artifacts through a fresh review and vote.",
      );
    }
  }
  return undefined;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

function refuse(code: string, message: string): TransitionCheck {
  return { ok: false, code, message };
}
