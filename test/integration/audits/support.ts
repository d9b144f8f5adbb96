// A space with one person per role and a release with three artifacts, for the audit tests.
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { defaultCharter, type Charter } from "@/lib/charter/rules";
import { createSpace, createUser, unique } from "@/test/support/factories";

type User = Awaited<ReturnType<typeof createUser>>;
export const actorOf = (user: User): Actor => ({ id: user.id, name: user.name, email: user.email });
export const digestOf = (c: string) => `sha256:${c.repeat(64)}`;

export async function createRelease(spaceId: string, createdById: string, digests = [digestOf("a"), digestOf("b"), digestOf("c")]) {
  return db.release.create({
    data: {
      spaceId,
      modelName: unique("model"),
      version: "1.0",
      status: "in_review",
      createdById,
      artifacts: { create: digests.map((digest, i) => ({ name: ["weights", "tokenizer", "config"][i] ?? `file-${i}`, kind: "other", digest })) },
    },
  });
}

export async function auditWorld({ charter }: { charter?: Charter } = {}) {
  const [owner, steward, auditor, auditor2, member, outsider] = await Promise.all(
    ["Owner", "Steward", "Auditor", "Second auditor", "Member", "Outsider"].map((name) => createUser({ name })),
  );
  const space = await createSpace({
    members: [
      { userId: owner!.id, role: "owner" },
      { userId: steward!.id, role: "steward" },
      { userId: auditor!.id, role: "auditor" },
      { userId: auditor2!.id, role: "auditor" },
      { userId: member!.id, role: "member" },
    ],
  });
  await db.charterVersion.create({ data: { spaceId: space.id, version: 1, charter: (charter ?? defaultCharter()) as Prisma.InputJsonObject, createdById: owner!.id } });
  const release = await createRelease(space.id, member!.id);
  return {
    space,
    release,
    digests: [digestOf("a"), digestOf("b"), digestOf("c")],
    owner: actorOf(owner!),
    steward: actorOf(steward!),
    auditor: actorOf(auditor!),
    auditor2: actorOf(auditor2!),
    member: actorOf(member!),
    outsider: actorOf(outsider!),
  };
}

/** Everything an audit write could touch in a space: a refusal must leave it equal. */
export async function auditState(spaceId: string) {
  const [reports, findings, transitions, reviews, events] = await Promise.all([
    db.auditReport.count({ where: { spaceId } }),
    db.finding.findMany({ where: { report: { spaceId } }, select: { id: true, status: true }, orderBy: { id: "asc" } }),
    db.findingTransition.count({ where: { finding: { report: { spaceId } } } }),
    db.auditReview.count({ where: { report: { spaceId } } }),
    db.governanceEvent.count({ where: { spaceId } }),
  ]);
  return { reports, findings, transitions, reviews, events };
}

export function reportInput(releaseId: string, digests: string[], overrides: Record<string, unknown> = {}) {
  return {
    releaseId,
    category: "safety",
    methodology: "Red-teaming with 500 adversarial prompts.",
    scopeDigests: digests,
    summary: "The model refuses most harmful requests; one **high** finding.",
    verdict: "concerns",
    evidence: [{ url: "https://example.org/runs/42", sha256: "b".repeat(64) }],
    findings: [
      { title: "Prompt injection bypasses the system prompt", severity: "high", description: "See run 42.", affectedDigests: [digests[0]] },
      { title: "Verbose refusals", severity: "low", affectedDigests: [digests[0]] },
    ],
    ...overrides,
  };
}
