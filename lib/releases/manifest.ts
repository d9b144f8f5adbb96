// The release manifest: a JSON statement of exactly what governance approved, for CI pipelines to check.
import { classifyOpenness, osaidChecklist, type MofComponentId } from "@/lib/releases/openness";
import { digestsChangedSinceVote, sortedDigests } from "@/lib/releases/rules";

export type ManifestInput = {
  release: {
    id: string;
    modelName: string;
    version: string;
    status: string;
    publishedAt: Date | null;
    votingOpenedAt: Date | null;
    votedDigests: string[];
    space: { slug: string };
    artifacts: Array<{ name: string; kind: string; digest: string; sizeBytes: bigint | number | null; uri: string | null }>;
    components: Array<{ component: string; included: boolean; license: string | null; licenseName: string | null; licenseUrl: string | null }>;
    links: Array<{ kind: string; reference: string; pinned: boolean }>;
  };
  decision: { id: string; outcome: unknown; closedAt: Date | null } | null;
  events: Array<{ type: string; hash: string; createdAt: Date }>;
};

const APPROVED_STATUSES = new Set(["approved", "published", "deprecated"]);

function outcomeStatus(outcome: unknown): string | null {
  if (typeof outcome !== "object" || outcome === null) return null;
  const status = (outcome as { status?: unknown }).status;
  return typeof status === "string" ? status : null;
}

function outcomeExplanation(outcome: unknown): string | null {
  if (typeof outcome !== "object" || outcome === null) return null;
  const text = (outcome as { explanation?: unknown }).explanation;
  return typeof text === "string" ? text : null;
}

export function buildManifest({ release, decision, events }: ManifestInput) {
  const digests = sortedDigests(release.artifacts.map((a) => a.digest));
  const inputs = release.components.map((c) => ({ component: c.component as MofComponentId, included: c.included, license: c.license }));
  const openness = classifyOpenness(inputs);
  const osaid = osaidChecklist(inputs);
  const latest = (type: string) => {
    const event = events.find((e) => e.type === type);
    return event ? { type: event.type, hash: event.hash, at: event.createdAt.toISOString() } : null;
  };
  const decisionStatus = decision ? outcomeStatus(decision.outcome) : null;
  const votedDigests = sortedDigests(release.votedDigests);
  const matchesVote = votedDigests.length > 0 && !digestsChangedSinceVote(digests, votedDigests);
  const approved = APPROVED_STATUSES.has(release.status) && decisionStatus === "passed" && matchesVote;
  return {
    manifestVersion: 1,
    release: {
      id: release.id,
      space: release.space.slug,
      modelName: release.modelName,
      version: release.version,
      status: release.status,
      publishedAt: release.publishedAt?.toISOString() ?? null,
    },
    approved,
    digests,
    votedDigests,
    digestsMatchVote: matchesVote,
    artifacts: release.artifacts.map((a) => ({
      name: a.name,
      kind: a.kind,
      digest: a.digest,
      sizeBytes: a.sizeBytes === null ? null : Number(a.sizeBytes),
      uri: a.uri,
    })),
    licenses: release.components
      .filter((c) => c.included)
      .map((c) => ({ component: c.component, license: c.license, ...(c.licenseName ? { name: c.licenseName, url: c.licenseUrl } : {}) })),
    openness: {
      class: openness.class,
      label: openness.label,
      osaidConforms: osaid.conforms,
    },
    registry: release.links.map((l) => ({ kind: l.kind, reference: l.reference, pinned: l.pinned })),
    decision: decision
      ? { id: decision.id, outcome: decisionStatus, explanation: outcomeExplanation(decision.outcome), closedAt: decision.closedAt?.toISOString() ?? null }
      : null,
    record: {
      votingOpened: latest("release.voting_opened"),
      approval: latest("release.approved"),
      publication: latest("release.published"),
    },
  };
}

export type ReleaseManifest = ReturnType<typeof buildManifest>;
