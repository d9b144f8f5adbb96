// The Lumen Collective's decisions: the 1.0 release vote, the datasets licensing vote (IRV), and the open
// 2.0 release vote and deployment decision, with backdated ballots and record events.
import { randomUUID } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { defaultCharter, eligibleVoters, type Charter, type DecisionKind } from "@/lib/charter/rules";
import type { Role } from "@/lib/roles";
import type { MethodParams, VotingMethod } from "@/lib/decisions/methods/types";
import { closingOutcome, eligibilityHash, freezeEligibility, type StoredOutcome } from "@/lib/decisions/rules";
import { appendEvent } from "./seed-record";
import { daysAgo, type DemoKey, type SeedContext } from "./seed-community";

type People = DemoKey;

type Vote = { who: People; choice: unknown; reason?: string; at: Date };
type SeededDecision = {
  title: string;
  question: string;
  kind: DecisionKind;
  method: VotingMethod;
  params: MethodParams;
  subject: Record<string, unknown>;
  releaseId: string | null;
  opensAt: Date;
  closesAt: Date;
  votes: Vote[];
  /** Set for decisions that closed; applied describes what the close changed. */
  closed?: { at: Date; applied: string[]; effects?: (tx: Tx, decisionId: string) => Promise<void> };
};

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3600_000);

async function membersAt(spaceId: string, at: Date) {
  const rows = await db.membership.findMany({ where: { spaceId, joinedAt: { lte: at } }, select: { userId: true, role: true } });
  return rows.map((r) => ({ userId: r.userId, role: r.role as Role }));
}

async function charterAt(spaceId: string, at: Date): Promise<{ version: number; charter: Charter }> {
  const row = await db.charterVersion.findFirst({ where: { spaceId, createdAt: { lte: at } }, orderBy: { version: "desc" } });
  return row ? { version: row.version, charter: row.charter as Charter } : { version: 1, charter: defaultCharter() };
}

async function seedDecision(ctx: SeedContext, d: SeededDecision): Promise<string> {
  const { spaceId, users } = ctx;
  const { version, charter } = await charterAt(spaceId, d.opensAt);
  const voters = freezeEligibility(eligibleVoters({ charter, kind: d.kind, members: await membersAt(spaceId, d.opensAt) }));
  const hash = eligibilityHash(voters);
  const subjectIds = (id: string) => ({ decisionId: id, ...(d.releaseId ? { releaseId: d.releaseId } : {}) });
  const id = await db.$transaction(async (tx) => {
    const decision = await tx.decision.create({
      data: {
        spaceId,
        title: d.title,
        question: d.question,
        kind: d.kind,
        method: d.method,
        params: d.params as Prisma.InputJsonObject,
        subject: d.subject as Prisma.InputJsonObject,
        releaseId: d.releaseId,
        charterVersion: version,
        eligibility: voters as unknown as Prisma.InputJsonArray,
        eligibilityHash: hash,
        opensAt: d.opensAt,
        closesAt: d.closesAt,
        createdById: users.amara,
        createdAt: d.opensAt,
      },
    });
    await appendEvent(tx, {
      spaceId,
      actorId: users.amara,
      type: "decision.opened",
      subject: subjectIds(decision.id),
      data: { title: d.title, kind: d.kind, method: d.method, params: d.params, opensAt: d.opensAt.toISOString(), closesAt: d.closesAt.toISOString(), charterVersion: version, eligibilityHash: hash, eligible: voters.length, binding: voters.filter((v) => v.binding).length },
      at: d.opensAt,
    });
    return decision.id;
  });
  for (const vote of d.votes) {
    const userId = users[vote.who];
    const binding = voters.find((v) => v.userId === userId)?.binding ?? false;
    await db.$transaction(async (tx) => {
      const event = await appendEvent(tx, { spaceId, actorId: userId, type: "ballot.cast", subject: subjectIds(id), data: { choice: vote.choice as string | string[], ...(vote.reason ? { reason: vote.reason } : {}), binding }, at: vote.at });
      const fields = { choice: vote.choice as Prisma.InputJsonValue, reason: vote.reason ?? null, binding, castAt: vote.at, receipt: event.receipt };
      await tx.ballot.upsert({ where: { decisionId_voterId: { decisionId: id, voterId: userId } }, update: fields, create: { id: randomUUID(), decisionId: id, voterId: userId, ...fields } });
    });
  }
  if (d.closed) {
    const closed = d.closed;
    const ballots = d.votes.map((v) => ({ userId: users[v.who], choice: v.choice, reason: v.reason ?? null, castAt: v.at }));
    const outcome: StoredOutcome = { ...closingOutcome({ method: d.method, params: d.params, voters, ballots, closedBy: "deadline" }), applied: closed.applied };
    await db.$transaction(async (tx) => {
      await tx.decision.update({ where: { id }, data: { status: "closed", closedAt: closed.at, outcome: outcome as unknown as Prisma.InputJsonObject } });
      await closed.effects?.(tx, id);
      await appendEvent(tx, {
        spaceId,
        actorId: null,
        type: "decision.closed",
        subject: subjectIds(id),
        data: { status: outcome.status, explanation: outcome.explanation, ...(outcome.winner ? { winner: outcome.winner } : {}), counts: outcome.counts, closedBy: "deadline", ballots: ballots.length, applied: closed.applied },
        at: closed.at,
      });
    });
  }
  return id;
}

export async function seedDecisions(ctx: SeedContext): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  const r10 = ctx.releases["lumen-7b@1.0"] ?? null;
  const r11 = ctx.releases["lumen-7b@1.1"] ?? null;
  const r20 = ctx.releases["lumen-7b@2.0"] ?? null;

  ids["release-1.0"] = await seedDecision(ctx, {
    title: "Release Lumen-7B 1.0",
    question: "Approve **Lumen-7B 1.0** for release: weights, tokenizer and config as listed on the release page.\n\nPlease check the model card and the evaluation table before voting.",
    kind: "release",
    method: "apache-release",
    params: { minPlusOnes: 3 },
    subject: r10 ? { releaseId: r10 } : {},
    releaseId: r10,
    opensAt: daysAgo(156),
    closesAt: daysAgo(153),
    votes: [
      { who: "amara", choice: "+1", reason: "Checked digests against the training run.", at: daysAgo(156, 14) },
      { who: "bruno", choice: "+1", at: daysAgo(155, 11) },
      { who: "chen", choice: "+1", reason: "Evals reproduce within noise.", at: daysAgo(154, 16) },
    ],
    closed: { at: daysAgo(153), applied: r10 ? ["The release is approved."] : [] },
  });

  const licenseOptions = [
    { id: "cc-by-4.0", label: "CC-BY-4.0" },
    { id: "cdla-permissive-2.0", label: "CDLA-Permissive-2.0" },
    { id: "odbl-1.0", label: "ODbL-1.0" },
  ];
  ids["licensing-datasets"] = await seedDecision(ctx, {
    title: "License for the Lumen training datasets",
    question: "Which license should the curated **training datasets** carry from 1.1 on? Rank the candidates; instant runoff decides.",
    kind: "licensing",
    method: "irv",
    params: { quorum: { type: "share", value: 0.5 }, options: licenseOptions },
    subject: r11 ? { releaseId: r11, component: "datasets" } : { component: "datasets" },
    releaseId: r11,
    opensAt: daysAgo(97),
    closesAt: daysAgo(90),
    votes: [
      { who: "amara", choice: ["cc-by-4.0", "cdla-permissive-2.0"], at: daysAgo(96, 9) },
      { who: "bruno", choice: ["cdla-permissive-2.0", "cc-by-4.0", "odbl-1.0"], at: daysAgo(95, 15) },
      { who: "chen", choice: ["odbl-1.0", "cc-by-4.0"], reason: "Share-alike keeps derived corpora open.", at: daysAgo(93, 10) },
      { who: "dana", choice: ["cc-by-4.0"], at: daysAgo(92, 13) },
      { who: "emil", choice: ["cc-by-4.0", "odbl-1.0"], at: daysAgo(91, 17) },
    ],
    closed: {
      at: daysAgo(90),
      applied: r11 ? ["The license of the datasets component is now CC-BY-4.0."] : [],
      effects: async (tx, decisionId) => {
        if (!r11) return;
        await tx.releaseComponent.upsert({
          where: { releaseId_component: { releaseId: r11, component: "datasets" } },
          update: { license: "CC-BY-4.0" },
          create: { releaseId: r11, component: "datasets", included: true, license: "CC-BY-4.0" },
        });
        await appendEvent(tx, { spaceId: ctx.spaceId, actorId: null, type: "release.license_decided", subject: { releaseId: r11, decisionId }, data: { component: "datasets", components: ["datasets"], license: "CC-BY-4.0" }, at: daysAgo(90) });
      },
    },
  });

  ids["release-2.0"] = await seedDecision(ctx, {
    title: "Release Lumen-7B 2.0",
    question: "Approve **Lumen-7B 2.0**: new tokenizer with Swahili and Yoruba coverage, retrained weights.\n\nAll three required audits are accepted; the Swahili toxicity finding is mitigated and verified.",
    kind: "release",
    method: "apache-release",
    params: { minPlusOnes: 3 },
    subject: r20 ? { releaseId: r20 } : {},
    releaseId: r20,
    opensAt: hoursAgo(24),
    closesAt: new Date(Date.now() + 48 * 3600_000),
    votes: [
      { who: "amara", choice: "+1", at: hoursAgo(23) },
      { who: "bruno", choice: "+1", reason: "Verified the weights digest on the mirror.", at: hoursAgo(20) },
      { who: "emil", choice: "+1", at: hoursAgo(6) },
    ],
  });

  ids["deployment-2.0"] = await seedDecision(ctx, {
    title: "Public inference endpoint for Lumen-7B 2.0",
    question: "Run a **public inference endpoint** for Lumen-7B 2.0 on the collective's GPU grant.",
    kind: "deployment",
    method: "apache-consensus",
    params: { minPlusOnes: 3 },
    subject: { ...(r20 ? { releaseId: r20 } : {}), target: "public inference endpoint", conditions: "- Rate limited to 20 requests/minute per IP\n- Safety filter from the safety audit enabled\n- Logs kept 7 days, no prompts stored" },
    releaseId: r20,
    opensAt: hoursAgo(12),
    closesAt: new Date(Date.now() + 60 * 3600_000),
    votes: [{ who: "chen", choice: "+1", reason: "With the rate limit, yes.", at: hoursAgo(3) }],
  });
  return ids;
}
