// Reading proposals: a space's list with comment counts, and one proposal with what it became.
import "server-only";
import { spaceFacts } from "@/lib/spaces/data";
import type { Actor } from "@/lib/auth/session";
import { can } from "@/lib/policy";
import { DomainError } from "@/lib/result";
import { requireSpace } from "@/lib/spaces/access";
import { commentCounts, getProposal, labelsOf, listProposals } from "@/lib/threads/data";
import { userNames } from "@/lib/users/data";

type ProposalRow = Awaited<ReturnType<typeof listProposals>>[number];

async function summaries(spaceId: string, rows: ProposalRow[]) {
  const [counts, names, labels] = await Promise.all([
    commentCounts(spaceId, "proposal", rows.map((r) => r.id)),
    userNames(rows.map((r) => r.createdById)),
    labelsOf(spaceId, { decisionIds: rows.flatMap((r) => (r.decisionId ? [r.decisionId] : [])), releaseIds: rows.flatMap((r) => (r.releaseId ? [r.releaseId] : [])) }),
  ]);
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    createdAt: r.createdAt.toISOString(),
    createdBy: { id: r.createdById, name: names[r.createdById] ?? "someone" },
    comments: counts[r.id] ?? 0,
    decision: r.decisionId ? { id: r.decisionId, title: labels.decisions[r.decisionId]?.title ?? "", status: labels.decisions[r.decisionId]?.status ?? "" } : null,
    release: r.releaseId ? { id: r.releaseId, label: labels.releases[r.releaseId] ?? "" } : null,
  }));
}

export type ProposalSummary = Awaited<ReturnType<typeof summaries>>[number];

export async function spaceProposals(actor: Actor | null, spaceSlug: string) {
  const access = await requireSpace(actor, spaceSlug);
  const { space } = access;
  const on = { space: spaceFacts(access) };
  return { proposals: await summaries(space.id, await listProposals(space.id)), mayOpen: can(actor, "proposal.open", on).allow };
}

const noSuchProposal = () => new DomainError("NOT_FOUND", "No such proposal.", "not_found");

export async function proposalDetail(actor: Actor | null, proposalId: string) {
  const row = await getProposal(proposalId);
  if (!row) throw noSuchProposal();
  let access;
  try {
    access = await requireSpace(actor, row.space.slug);
  } catch (error) {
    if (error instanceof DomainError && error.kind === "not_found") throw noSuchProposal();
    throw error;
  }
  const on = { space: spaceFacts(access) };
  const [summary] = await summaries(access.space.id, [row]);
  return { ...summary!, spaceSlug: row.space.slug, mayLink: can(actor, "proposal.link", on).allow && !row.decisionId };
}
