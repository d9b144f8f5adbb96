// The whole demo story, in order: community and charter, releases, audits, decisions, a CI webhook.
import { seedAudits } from "./seed-audits";
import { seedCommunity, type SeedContext } from "./seed-community";
import { seedDecisions } from "./seed-decisions";
import { seedReleases } from "./seed-releases";
import { flushSeedEvents } from "./seed-record";
import { seedDeliveries, seedWebhook } from "./seed-webhooks";

export async function seedDemo() {
  const { users, space } = await seedCommunity();
  const ctx: SeedContext = { users, spaceId: space.id, releases: {} };
  ctx.releases = (await seedReleases(ctx)).releases;
  const { reports } = await seedAudits(ctx);
  const decisions = await seedDecisions(ctx);
  const webhookId = await seedWebhook(ctx);
  await flushSeedEvents();
  await seedDeliveries(ctx, webhookId);
  return { ctx, reports, decisions, webhookId };
}
