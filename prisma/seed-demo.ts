// The whole demo story, in order: community and charter, releases, audits, concerns, decisions, the
// conversations around them, and a CI webhook.
import { seedAudits } from "./seed-audits";
import { seedCommunity, type SeedContext } from "./seed-community";
import { seedConcerns } from "./seed-concerns";
import { seedDecisions } from "./seed-decisions";
import { seedReleases } from "./seed-releases";
import { flushSeedEvents } from "./seed-record";
import { keepSeedTexts, seedThreads } from "./seed-threads";
import { seedDeliveries, seedWebhook } from "./seed-webhooks";

export async function seedDemo() {
  const { users, space } = await seedCommunity();
  const ctx: SeedContext = { users, spaceId: space.id, releases: {} };
  ctx.releases = (await seedReleases(ctx)).releases;
  const { reports } = await seedAudits(ctx);
  const concerns = await seedConcerns(ctx);
  const decisions = await seedDecisions(ctx);
  const threads = await seedThreads(ctx, decisions, concerns);
  const webhookId = await seedWebhook(ctx);
  await flushSeedEvents();
  await keepSeedTexts();
  await seedDeliveries(ctx, webhookId);
  return { ctx, reports, decisions, concerns, threads, webhookId };
}
