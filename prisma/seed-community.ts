// The Lumen Collective's people, space, charter and membership history, backdated over six months.
import type { Tx } from "@/lib/db";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { defaultCharter, diffCharter } from "@/lib/charter/rules";
import { appendEvent } from "./seed-record";
import type { SpaceRole } from "@/lib/policy-resource";

const DAY = 24 * 3600 * 1000;
export const daysAgo = (days: number, hour = 10) => new Date(Date.now() - days * DAY + (hour - 12) * 3600 * 1000);

export const demoPeople = [
  { key: "amara", name: "Amara Okafor", email: "amara@lumen.example", role: "owner" },
  { key: "bruno", name: "Bruno Ribeiro", email: "bruno@lumen.example", role: "steward" },
  { key: "chen", name: "Chen Wei", email: "chen@lumen.example", role: "steward" },
  { key: "dana", name: "Dana Kowalski", email: "dana@lumen.example", role: "auditor" },
  { key: "emil", name: "Emil Nyberg", email: "emil@lumen.example", role: "member" },
  { key: "farah", name: "Farah Haddad", email: "farah@lumen.example", role: "member" },
  { key: "gita", name: "Gita Rao", email: "gita@lumen.example", role: null },
] as const satisfies ReadonlyArray<{ key: string; name: string; email: string; role: SpaceRole | null }>;

export type DemoKey = (typeof demoPeople)[number]["key"];

/** What each feature's seed receives: the demo people, the Lumen space, and the releases once seeded. */
export type SeedContext = { users: Record<DemoKey, string>; spaceId: string; releases: Record<string, string> };

const description = `The **Lumen Collective** trains and releases *Lumen*, a family of small, fully open language models
for low-resource languages, with the data, code and evaluations published alongside the weights.

- Weights on Hugging Face under \`lumen-collective/\`
- Training code: Apache-2.0; data: CC-BY-4.0 and CDLA-Permissive-2.0
- Release votes follow the Apache process: three binding +1 from stewards and owners.`;

async function inTx<T>(fn: (tx: Tx) => Promise<T>) {
  return db.$transaction(fn);
}

export async function seedCommunity() {
  const users = {} as Record<DemoKey, string>;
  for (const [index, person] of demoPeople.entries()) {
    const user = await db.user.create({ data: { name: person.name, email: person.email, isDemo: true, createdAt: daysAgo(200 - index * 6) } });
    users[person.key] = user.id;
  }

  const charter = defaultCharter();
  // The Lumen Collective lets a release vote close as soon as its outcome cannot change, so the README's
  // tour (cast the third +1, then close) ends with the release approved rather than three days of waiting.
  charter.decisions.release.earlyClose = true;
  const space = await inTx(async (tx) => {
    const created = await tx.space.create({
      data: {
        slug: "lumen",
        name: "Lumen Collective",
        description,
        visibility: "public",
        homepageUrl: "https://lumen.example",
        sourceUrl: "https://github.com/lumen-collective/lumen",
        hfOrg: "lumen-collective",
        createdAt: daysAgo(180),
        memberships: { create: { userId: users.amara, role: "owner", joinedAt: daysAgo(180) } },
        charters: { create: { version: 1, charter: charter as Prisma.InputJsonObject, reason: "Default charter", createdById: users.amara, createdAt: daysAgo(180) } },
      },
    });
    await appendEvent(tx, { spaceId: created.id, actorId: users.amara, type: "space.created", subject: { spaceId: created.id }, data: { slug: "lumen", name: "Lumen Collective", visibility: "public", charterVersion: 1 }, at: daysAgo(180) });
    return created;
  });

  let day = 176;
  for (const person of demoPeople) {
    if (!person.role || person.role === "owner") continue;
    day -= 9;
    const joinedAt = daysAgo(day, 14);
    await inTx(async (tx) => {
      await tx.membership.create({ data: { spaceId: space.id, userId: users[person.key], role: person.role, joinedAt } });
      await appendEvent(tx, { spaceId: space.id, actorId: users.amara, type: "member.added", subject: { spaceId: space.id, userId: users[person.key] }, data: { role: person.role }, at: joinedAt });
    });
  }

  // Two months ago the community asked for a bias audit before every release vote.
  const amended = { ...charter, audits: { ...charter.audits, requiredCategories: [...charter.audits.requiredCategories, "bias-fairness" as const] } };
  await inTx(async (tx) => {
    const reason = "Require a bias and fairness audit before release votes (community call, September)";
    await tx.charterVersion.create({ data: { spaceId: space.id, version: 2, charter: amended as Prisma.InputJsonObject, reason, createdById: users.amara, createdAt: daysAgo(62) } });
    await appendEvent(tx, { spaceId: space.id, actorId: users.amara, type: "charter.amended", subject: { spaceId: space.id, version: 2 }, data: { version: 2, reason, changes: diffCharter(charter, amended) }, at: daysAgo(62) });
  });

  // Gita is waiting for a steward to let her in.
  await inTx(async (tx) => {
    const request = await tx.joinRequest.create({ data: { spaceId: space.id, userId: users.gita, message: "I maintain the Kannada evaluation set and would like to help review releases.", createdAt: daysAgo(2) } });
    await appendEvent(tx, { spaceId: space.id, actorId: users.gita, type: "member.join_requested", subject: { spaceId: space.id, userId: users.gita, requestId: request.id }, data: {}, at: daysAgo(2) });
  });

  // A private working group: invisible to everyone who is not in it.
  await inTx(async (tx) => {
    const wg = await tx.space.create({
      data: {
        slug: "lumen-security-wg",
        name: "Lumen security working group",
        description: "Embargoed vulnerability reports against Lumen models, before disclosure.",
        visibility: "private",
        createdAt: daysAgo(90),
        memberships: { create: [{ userId: users.amara, role: "owner", joinedAt: daysAgo(90) }, { userId: users.dana, role: "auditor", joinedAt: daysAgo(90) }] },
        charters: { create: { version: 1, charter: charter as Prisma.InputJsonObject, reason: "Default charter", createdById: users.amara, createdAt: daysAgo(90) } },
      },
    });
    await appendEvent(tx, { spaceId: wg.id, actorId: users.amara, type: "space.created", subject: { spaceId: wg.id }, data: { slug: wg.slug, name: wg.name, visibility: "private", charterVersion: 1 }, at: daysAgo(90) });
  });

  return { users, space };
}
