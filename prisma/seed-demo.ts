// The whole demo story, in order: community and charter, releases, audits, decisions, the conversations around them.
import { seedAudits } from "./seed-audits";
import { seedCommunity, type SeedContext } from "./seed-community";
import { seedDecisions } from "./seed-decisions";
import { seedReleases } from "./seed-releases";
import { flushSeedEvents } from "./seed-record";
import { keepSeedTexts, seedThreads } from "./seed-threads";

export async function seedDemo() {
  const { users, space } = await seedCommunity();
  const ctx: SeedContext = { users, spaceId: space.id, releases: {} };
  ctx.releases = (await seedReleases(ctx)).releases;
  const { reports } = await seedAudits(ctx);
  const decisions = await seedDecisions(ctx);
  const threads = await seedThreads(ctx, decisions);
  await flushSeedEvents();
  await keepSeedTexts();
  return { ctx, reports, decisions, threads };
}
