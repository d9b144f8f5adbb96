// Every domain row of an archive against the record events that committed it (the rules: docs/preserve-archive.md).
// Pure. Returns the first row that does not match, in one sentence, or null.
import type { ArchiveRows } from "@/lib/archive/rows";
import { firstDiscussionMismatch } from "@/lib/archive/discussion-correspondence";
import type { RecordFold } from "@/lib/archive/record-fold";

const sorted = (list: readonly string[]) => [...list].sort().join(",");
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const iso = (date: Date | null) => date?.toISOString() ?? null;

type Check = (rows: ArchiveRows, fold: RecordFold) => string | null;

function first<T>(list: readonly T[], problem: (item: T) => string | null): string | null {
  for (const item of list) {
    const found = problem(item);
    if (found) return found;
  }
  return null;
}

const space: Check = (rows, fold) => {
  const row = rows.space[0];
  if (!row || rows.space.length !== 1) return "The archive must hold exactly one space row.";
  const recorded = fold.space;
  if (!recorded || recorded.id !== row.id) return `The record has no space.created event for space ${row.id}.`;
  for (const key of ["slug", "name", "visibility"] as const) {
    if (recorded[key] !== row[key]) return `The space's ${key} is '${row[key]}', but its record says '${recorded[key]}'.`;
  }
  return null;
};

const members: Check = (rows, fold) => {
  const held = new Map(rows.members.map((m) => [m.userId, m.role]));
  const row = first(rows.members, (m) =>
    fold.members.get(m.userId) === m.role ? null : `Member ${m.userId} is ${m.role}, but the record's last membership event for them says ${fold.members.get(m.userId) ?? "not a member"}.`,
  );
  if (row) return row;
  for (const [userId, role] of fold.members) if (role && !held.has(userId)) return `The record makes ${userId} a member (${role}), but the archive has no member row for them.`;
  return null;
};

const charters: Check = (rows, fold) =>
  first(rows.charters, (c) => {
    const recorded = fold.charters.get(c.version);
    if (!recorded) return `Charter version ${c.version} has no space.created or charter.amended event.`;
    return recorded.reason !== null && recorded.reason !== c.reason ? `Charter version ${c.version}'s reason differs from its charter.amended event.` : null;
  });

const releases: Check = (rows, fold) =>
  first(rows.releases, (r) => {
    const recorded = fold.releases.get(r.id);
    const name = `Release ${r.id} (${r.modelName} ${r.version})`;
    if (!recorded) return `${name} has no release.proposed event.`;
    if (recorded.modelName !== r.modelName || recorded.version !== r.version) return `${name} is named ${recorded.modelName} ${recorded.version} in its release.proposed event.`;
    if (recorded.status !== r.status) return `${name} has status ${r.status}, but the record's last status event for it says ${recorded.status}.`;
    const digests = rows.artifacts.filter((a) => a.releaseId === r.id).map((a) => a.digest);
    if (recorded.digests && sorted(digests) !== sorted(recorded.digests)) return `${name}'s artifacts do not have the digests its last release event records.`;
    const links = rows.links.filter((l) => l.releaseId === r.id).map((l) => l.reference);
    if (recorded.links && sorted(links) !== sorted(recorded.links)) return `${name}'s registry links are not the ones its last release event records.`;
    if (r.votedDigests.length > 0 && sorted(r.votedDigests) !== sorted(recorded.votedDigests ?? [])) return `${name}'s voted digests differ from its release.voting_opened event.`;
    return null;
  });

const audits: Check = (rows, fold) =>
  first(rows.audits, (a) => {
    const recorded = fold.reports.get(a.id);
    if (!recorded) return `Audit report ${a.id} has no audit.filed event.`;
    if (recorded.releaseId !== a.releaseId || recorded.category !== a.category || recorded.verdict !== a.verdict || sorted(recorded.scopeDigests) !== sorted(a.scopeDigests)) {
      return `Audit report ${a.id} (${a.category}, ${a.verdict}) differs from its audit.filed event.`;
    }
    return null;
  });

const findings: Check = (rows, fold) =>
  first(rows.findings, (f) => {
    const recorded = fold.reports.get(f.reportId)?.findings.get(f.id);
    if (!recorded) return `Finding ${f.id} is not among the findings of its report's audit.filed event.`;
    if (recorded.number !== f.number || recorded.title !== f.title || recorded.severity !== f.severity) return `Finding ${f.id} (#${f.number} ${f.title}) differs from its audit.filed event.`;
    const moves = fold.transitions.get(f.id) ?? [];
    const status = moves.at(-1)?.to ?? "open";
    if (status !== f.status) return `Finding ${f.id} is ${f.status}, but the record's last finding.transitioned event for it says ${status}.`;
    const held = rows.finding_transitions.filter((t) => t.findingId === f.id).sort((x, y) => x.createdAt.getTime() - y.createdAt.getTime());
    if (!same(held.map((t) => [t.from, t.to, t.note]), moves.map((t) => [t.from, t.to, t.note]))) return `Finding ${f.id}'s transitions are not the finding.transitioned events of the record.`;
    return null;
  });

const reviews: Check = (rows, fold) =>
  first(rows.reviews, (r) => {
    const recorded = fold.reviews.get(r.id);
    return recorded && recorded.reportId === r.reportId && recorded.verdict === r.verdict && recorded.comment === r.comment
      ? null
      : `Audit review ${r.id} does not match an audit.reviewed event.`;
  });

const ends = { open: null, closed: "closed", cancelled: "cancelled" } as const;

const decisions: Check = (rows, fold) =>
  first(rows.decisions, (d) => {
    const recorded = fold.decisions.get(d.id);
    const name = `Decision ${d.id} (${d.title})`;
    if (!recorded) return `${name} has no decision.opened event.`;
    const fields: Array<[string, unknown, unknown]> = [
      ["title", d.title, recorded.title],
      ["kind", d.kind, recorded.kind],
      ["method", d.method, recorded.method],
      ["charter version", d.charterVersion, recorded.charterVersion],
      ["eligibility hash", d.eligibilityHash, recorded.eligibilityHash],
      ["opening time", iso(d.opensAt), recorded.opensAt],
      ["deadline", iso(d.closesAt), recorded.closesAt],
      ["release", d.releaseId, recorded.releaseId ?? d.releaseId],
    ];
    const wrong = fields.find(([, held, said]) => held !== said);
    if (wrong) return `${name}'s ${wrong[0]} differs from its decision.opened event.`;
    if (ends[d.status] !== recorded.end) return `${name} is ${d.status}, but the record says ${recorded.end ?? "open"}.`;
    return null;
  });

const ballots: Check = (rows, fold) =>
  first(rows.ballots, (b) => {
    const recorded = fold.ballots.get(`${b.decisionId}|${b.voterId}`);
    if (!recorded || recorded.hash !== b.receipt) return `The ballot of ${b.voterId} on decision ${b.decisionId} is not their last ballot.cast event (receipt ${b.receipt.slice(0, 12)}…).`;
    if (!recorded.mapped) return `The ballot of ${b.voterId} on decision ${b.decisionId} was cast by ${recorded.castBy}, whom the record had not mapped them to.`;
    if ((b.castById ?? null) !== recorded.castBy) return `The ballot of ${b.voterId} on decision ${b.decisionId} names a caster other than its ballot.cast event's actor.`;
    return same(recorded.choice, b.choice) && recorded.binding === b.binding ? null : `The ballot of ${b.voterId} on decision ${b.decisionId} says something other than its ballot.cast event.`;
  });

/** Child rows must belong to a parent in the same archive (another space's ids would attach rows elsewhere). */
const parents: Check = (rows) => {
  const releaseIds = new Set(rows.releases.map((r) => r.id));
  const reportIds = new Set(rows.audits.map((a) => a.id));
  const findingIds = new Set(rows.findings.map((f) => f.id));
  const decisionIds = new Set(rows.decisions.map((d) => d.id));
  const orphan =
    [...rows.artifacts, ...rows.components, ...rows.links, ...rows.audits, ...rows.findings].find((r) => !releaseIds.has(r.releaseId)) ??
    [...rows.findings, ...rows.reviews].find((r) => !reportIds.has(r.reportId)) ??
    rows.finding_transitions.find((t) => !findingIds.has(t.findingId)) ??
    rows.ballots.find((b) => !decisionIds.has(b.decisionId));
  return orphan ? `Row ${orphan.id} belongs to a release, report, finding or decision that is not in the archive.` : null;
};

const checks: Check[] = [space, parents, members, charters, releases, audits, findings, reviews, decisions, ballots];

/** `version`: the archive's format version (what it must hold, e.g. a row for every discussion from version 2 on). */
export function firstMismatch(rows: ArchiveRows, fold: RecordFold, version: number): string | null {
  for (const check of checks) {
    const problem = check(rows, fold);
    if (problem) return problem;
  }
  return firstDiscussionMismatch(rows, fold.discussions, version);
}
