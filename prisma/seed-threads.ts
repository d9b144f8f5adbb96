// The Lumen Collective's conversations: a [DISCUSS] proposal on relicensing the tokenizer that led to the datasets
// licensing vote, a discussion of lumen-13b 0.9 and its blocking finding, a spam comment a steward hid, and the thread
// of Bruno's concern on 13B (itself a thread) up to its resolution.
// Texts are committed like the app's (lib/threads/mutations.ts); they are written to record_texts once the seed's
// events exist (keepSeedTexts, after flushSeedEvents), since each text row points at its event.
import { db, type Tx } from "@/lib/db";
import { newSalt, textCommitment } from "@/lib/record/commitment";
import type { ThreadSubject } from "@/lib/threads/rules";
import { appendEvent } from "./seed-record";
import { daysAgo, type DemoKey, type SeedContext } from "./seed-community";

const texts: Array<{ eventId: string; salt: string; body: string; createdAt: Date }> = [];

type Said = { who: DemoKey; body: string; at: Date; replyTo?: string; mentions?: DemoKey[] };

async function say(tx: Tx, ctx: SeedContext, subject: ThreadSubject, s: Said): Promise<string> {
  const authorId = ctx.users[s.who];
  const mentions = (s.mentions ?? []).map((key) => ctx.users[key]);
  const comment = await tx.comment.create({
    data: { spaceId: ctx.spaceId, subjectKind: subject.kind, subjectId: subject.id, parentId: s.replyTo ?? null, authorId, mentions, createdAt: s.at },
  });
  const salt = newSalt();
  const event = await appendEvent(tx, {
    spaceId: ctx.spaceId,
    actorId: authorId,
    type: "comment.posted",
    subject: { commentId: comment.id, threadKind: subject.kind, threadId: subject.id, ...(s.replyTo ? { parentId: s.replyTo } : {}) },
    data: { version: 1, textHash: textCommitment(salt, s.body), mentions },
    at: s.at,
  });
  await tx.commentVersion.create({ data: { commentId: comment.id, version: 1, eventId: event.eventId, createdAt: s.at } });
  texts.push({ eventId: event.eventId, salt, body: s.body, createdAt: s.at });
  return comment.id;
}

const proposalText = `The tokenizer ships under the same **CC-BY-4.0** as the model card, which is odd for code and a
vocabulary file: downstream projects keep asking whether they may vendor it.

[DISCUSS] Relicense the tokenizer (code and \`tokenizer.json\`) under **Apache-2.0**, like the training code?

- Apache-2.0 has an explicit patent grant
- it matches the inference code people already embed
- CC-BY's attribution rules are awkward inside a binary`;

export async function seedThreads(ctx: SeedContext, decisions: Record<string, string>, concerns: { concern?: string } = {}) {
  const { users, spaceId } = ctx;
  const licensing = decisions["licensing-datasets"];
  const proposal = await db.$transaction(async (tx) => {
    const p = await tx.proposal.create({ data: { spaceId, title: "Relicense the tokenizer under Apache-2.0?", createdById: users.emil, createdAt: daysAgo(101) } });
    await appendEvent(tx, { spaceId, actorId: users.emil, type: "proposal.opened", subject: { proposalId: p.id }, data: { title: p.title }, at: daysAgo(101) });
    const on = { kind: "proposal" as const, id: p.id };
    await say(tx, ctx, on, { who: "emil", body: proposalText, at: daysAgo(101) });
    const chen = await say(tx, ctx, on, { who: "chen", body: "+1 for the tokenizer. But the bigger gap is the **datasets**: they have no license decision at all, and 1.1 needs one.", at: daysAgo(100, 9) });
    await say(tx, ctx, on, { who: "bruno", replyTo: chen, body: "Agreed. If we vote, let us vote on the datasets first and rank the candidates (CC-BY-4.0, CDLA-Permissive-2.0, ODbL-1.0).", at: daysAgo(100, 14) });
    await say(tx, ctx, on, { who: "farah", body: "Share-alike (ODbL) would keep derived corpora open. @Chen Wei, could you summarise the trade-off for the vote?", mentions: ["chen"], at: daysAgo(99, 11) });
    await say(tx, ctx, on, { who: "amara", body: "Thanks all. I am opening the licensing vote on the datasets (instant runoff); the tokenizer follows once that is settled.", at: daysAgo(97, 9) });
    if (licensing) {
      await tx.proposal.update({ where: { id: p.id }, data: { decisionId: licensing } });
      await appendEvent(tx, { spaceId, actorId: users.amara, type: "proposal.linked", subject: { proposalId: p.id, decisionId: licensing }, data: { to: "decision" }, at: daysAgo(97, 9) });
    }
    return p.id;
  });

  const r13 = ctx.releases["lumen-13b@0.9"];
  if (r13) {
    await db.$transaction(async (tx) => {
      const on = { kind: "release" as const, id: r13 };
      const dana = await say(tx, ctx, on, { who: "dana", body: "The security audit found a **high-severity prompt-injection** path through the system prompt template. Until it is mitigated and verified, 0.9 cannot go to a vote.", at: daysAgo(8, 15) });
      await say(tx, ctx, on, { who: "bruno", replyTo: dana, body: "I have a fix for the template escaping in review; I will attach the eval run as evidence when it lands.", at: daysAgo(7, 10) });
      await say(tx, ctx, on, { who: "emil", body: "Could the 13B also ship a 4-bit GGUF? Many of us run it on laptops.", at: daysAgo(5, 12) });
      const spam = await say(tx, ctx, on, { who: "farah", body: "🔥 Cheap GPU credits!!! visit gpu-deals.example now 🔥", at: daysAgo(4, 3) });
      await tx.comment.update({ where: { id: spam }, data: { state: "hidden", hiddenReason: "Spam: an advertisement posted from a compromised account", hiddenById: users.chen } });
      await appendEvent(tx, { spaceId, actorId: users.chen, type: "comment.hidden", subject: { commentId: spam, threadKind: "release", threadId: r13 }, data: { reason: "Spam: an advertisement posted from a compromised account" }, at: daysAgo(4, 9) });
    });
  }
  if (concerns.concern) {
    const on = { kind: "concern" as const, id: concerns.concern };
    await db.$transaction(async (tx) => {
      const chen = await say(tx, ctx, on, { who: "chen", body: "Good catch. Is it only shard 17, or should the decontamination run over the whole mix before we re-run the evals?", at: daysAgo(5, 18) });
      await say(tx, ctx, on, { who: "bruno", replyTo: chen, body: "Whole mix: only shard 17 had overlaps. I will post the before/after scores here when the re-run finishes.", at: daysAgo(4, 10) });
      await say(tx, ctx, on, { who: "dana", body: "Re-run finished: scores within 0.3 points of the contaminated run, so the model was not leaning on the leak. Fine to resolve from my side.", at: daysAgo(3, 9) });
    });
  }
  return { proposal };
}

/** Writes the seeded comments' texts beside their events (which flushSeedEvents has just written). */
export async function keepSeedTexts(): Promise<void> {
  const rows = texts.splice(0);
  if (rows.length) await db.recordText.createMany({ data: rows });
}
