// What the record says about each domain row: a fold over the events of one space's log, kept small (one entry per
// entity, not per event) so a million-event archive folds in little memory. correspondence.ts compares rows with it.
// Pure: the offline verifier and the importer both run it.
import { DiscussionFold } from "@/lib/archive/discussion-fold";
import type { FoldEvent } from "@/lib/archive/fold-event";
import { roleName } from "@/lib/roles";


type Release = { modelName: string; version: string; status: string; digests: string[] | null; links: string[] | null; votedDigests: string[] | null };
type Report = { releaseId: string; category: string; verdict: string; scopeDigests: string[]; findings: Map<string, { number: number; title: string; severity: string }> };
type Transition = { from: string; to: string; note: string };
type Decision = { releaseId: string | null; title: string; kind: string; method: string; charterVersion: number; eligibilityHash: string; opensAt: string; closesAt: string; end: "closed" | "cancelled" | null };

const str = (value: unknown): string | null => (typeof value === "string" ? value : null);
const strings = (value: unknown): string[] | null => (Array.isArray(value) && value.every((v) => typeof v === "string") ? (value as string[]) : null);

/** The role after each membership event: null when the person is no longer a member. */
const memberRole: Record<string, (data: Record<string, unknown>) => string | null> = {
  "member.added": (d) => str(d.role),
  "member.joined": (d) => str(d.role),
  "member.join_accepted": (d) => str(d.role),
  "member.role_changed": (d) => str(d.to),
  "member.removed": () => null,
  "member.left": () => null,
};

export class RecordFold {
  space: { id: string; slug: string; name: string; visibility: string } | null = null;
  readonly members = new Map<string, string | null>();
  readonly charters = new Map<number, { reason: string | null }>();
  readonly releases = new Map<string, Release>();
  readonly reports = new Map<string, Report>();
  readonly reviews = new Map<string, { reportId: string; verdict: string; comment: string }>();
  readonly transitions = new Map<string, Transition[]>();
  readonly decisions = new Map<string, Decision>();
  /** Proposals, comments and concerns (discussion-fold.ts). */
  readonly discussions = new DiscussionFold();
  /** The latest ballot.cast per decision and voter (the person it counts for): its receipt, what it said, who cast it. */
  readonly ballots = new Map<string, { hash: string; choice: unknown; binding: unknown; castBy: string | null; mapped: boolean }>();
  /** The user each person who arrived with an archive was last mapped to (member.identity_mapped). */
  readonly mappings = new Map<string, string>();

  /** `withText`: the event's line carried a committed text (a comment version's, docs/record.md). */
  add(event: FoldEvent, hash: string, withText = false): void {
    const { type, subject: s, data: d } = event;
    if (this.discussions.add(event, withText)) return;
    if (type === "member.identity_mapped") {
      // The imported person's place (role) passes to the user they were mapped to (lib/members/mutations.ts).
      const [from, to] = [str(s.userId), str(d.toUserId)];
      if (from) this.members.set(from, null);
      if (to) this.members.set(to, str(d.role));
      if (from && to) this.mappings.set(from, to);
      return;
    }
    if (type in memberRole) {
      const user = str(s.userId);
      if (user) this.members.set(user, memberRole[type]!(d));
      return;
    }
    switch (type) {
      case "space.created":
        this.space = { id: String(s.spaceId), slug: String(d.slug), name: String(d.name), visibility: String(d.visibility) };
        this.charters.set(Number(d.charterVersion), { reason: null });
        // Its actor is the space's first owner (lib/spaces/mutations.ts): no member.added event of their own.
        if (event.actor) this.members.set(event.actor, roleName.owner);
        return;
      case "space.updated": {
        const values = (d.values ?? {}) as Record<string, unknown>;
        if (this.space) for (const key of ["slug", "name", "visibility"] as const) if (typeof values[key] === "string") this.space[key] = values[key] as string;
        return;
      }
      case "charter.amended":
        this.charters.set(Number(d.version), { reason: str(d.reason) });
        return;
      case "decision.opened":
        this.decisions.set(String(s.decisionId), {
          releaseId: str(s.releaseId),
          title: String(d.title),
          kind: String(d.kind),
          method: String(d.method),
          charterVersion: Number(d.charterVersion),
          eligibilityHash: String(d.eligibilityHash),
          opensAt: String(d.opensAt),
          closesAt: String(d.closesAt),
          end: null,
        });
        return;
      case "decision.closed":
      case "decision.cancelled": {
        const decision = this.decisions.get(String(s.decisionId));
        if (decision) decision.end = type === "decision.closed" ? "closed" : "cancelled";
        return;
      }
      case "ballot.cast": {
        // Cast for a person of the origin (v2's `for`) only by the user the record had mapped them to by then.
        const standsFor = str(d.for);
        const castBy = standsFor ? event.actor : null;
        const mapped = !standsFor || this.mappings.get(standsFor) === event.actor;
        this.ballots.set(`${String(s.decisionId)}|${standsFor ?? String(event.actor)}`, { hash, choice: d.choice, binding: d.binding, castBy, mapped });
        return;
      }
      case "audit.filed": {
        const findings = new Map<string, { number: number; title: string; severity: string }>();
        for (const f of (d.findings ?? []) as Array<Record<string, unknown>>) findings.set(String(f.findingId), { number: Number(f.number), title: String(f.title), severity: String(f.severity) });
        this.reports.set(String(s.reportId), { releaseId: String(s.releaseId), category: String(d.category), verdict: String(d.verdict), scopeDigests: strings(d.scopeDigests) ?? [], findings });
        return;
      }
      case "audit.reviewed":
        this.reviews.set(String(d.reviewId), { reportId: String(s.reportId), verdict: String(d.verdict), comment: String(d.comment) });
        return;
      case "finding.transitioned": {
        const id = String(s.findingId);
        const list = this.transitions.get(id) ?? [];
        list.push({ from: String(d.from), to: String(d.to), note: String(d.note) });
        this.transitions.set(id, list);
        return;
      }
    }
    if (type.startsWith("release.")) this.#release(type, s, d);
  }

  #release(type: string, s: Record<string, unknown>, d: Record<string, unknown>): void {
    const id = String(s.releaseId);
    if (type === "release.proposed") {
      this.releases.set(id, { modelName: String(d.modelName), version: String(d.version), status: "draft", digests: strings(d.digests), links: strings(d.links), votedDigests: null });
      return;
    }
    const release = this.releases.get(id);
    if (!release) return;
    if (type === "release.edited") {
      if (d.digests) release.digests = strings(d.digests);
      if (d.links) release.links = strings(d.links);
    }
    if (type === "release.voting_opened") release.votedDigests = strings(d.votedDigests);
    if (typeof d.to === "string") release.status = d.to;
  }
}
