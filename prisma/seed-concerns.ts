// The Lumen Collective's concerns: Bruno raised one on lumen-13b 0.9 while it was in review (the eval set leaking
// into the continued-pretraining mix) and resolved it once the data was decontaminated, so its history tells both.
import { db } from "@/lib/db";
import { appendEvent } from "./seed-record";
import { daysAgo, type SeedContext } from "./seed-community";

export async function seedConcerns(ctx: SeedContext) {
  const releaseId = ctx.releases["lumen-13b@0.9"];
  if (!releaseId) return {};
  const raisedAt = daysAgo(5, 15);
  const resolvedAt = daysAgo(3, 11);
  const title = "Eval set leaks into training data";
  const body = [
    "The Swahili and Yoruba **evaluation prompts** show up in the continued-pretraining mix of 13B:",
    "",
    "- 13-gram overlap with the eval set: 4.1% of prompts (212 documents)",
    "- found by the decontamination script in `lumen/data/dedup.py` on shard 17",
    "",
    "Scores on those languages would be inflated. Resolved when the mix is decontaminated and the evals re-run.",
  ].join("\n");
  const note = "Shard 17 decontaminated (212 documents removed, overlap now 0.0%); evals re-run on the new weights, scores within 0.3 points.";
  const concern = await db.$transaction(async (tx) => {
    const row = await tx.concern.create({
      data: { spaceId: ctx.spaceId, releaseId, title, body, raisedById: ctx.users.bruno, raisedAt, status: "resolved", closedById: ctx.users.bruno, closedAt: resolvedAt, closeNote: note },
      select: { id: true },
    });
    const subject = { concernId: row.id, releaseId };
    await appendEvent(tx, { spaceId: ctx.spaceId, actorId: ctx.users.bruno, type: "concern.raised", subject, data: { on: "release", title, body, blocks: true }, at: raisedAt });
    await appendEvent(tx, { spaceId: ctx.spaceId, actorId: ctx.users.bruno, type: "concern.resolved", subject, data: { title, note }, at: resolvedAt });
    return row;
  });
  return { concern: concern.id };
}
