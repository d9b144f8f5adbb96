// Demo data for `npm start` on a fresh machine: the Lumen Collective, an open-model community
// mid-flight. Later features add their part (releases, audits, an open decision) in seed-*.ts files.
import { db } from "@/lib/db";
import { appendEvent } from "@/lib/record/append";
import type { SpaceRole } from "@/lib/policy";

const DAY = 24 * 3600 * 1000;
export const daysAgo = (days: number, hour = 10) => new Date(Date.now() - days * DAY + (hour - 12) * 3600 * 1000);

export const demoPeople = [
  { key: "amara", name: "Amara Okafor", email: "amara@lumen.example", role: "owner" },
  { key: "bruno", name: "Bruno Ribeiro", email: "bruno@lumen.example", role: "steward" },
  { key: "chen", name: "Chen Wei", email: "chen@lumen.example", role: "steward" },
  { key: "dana", name: "Dana Kowalski", email: "dana@lumen.example", role: "auditor" },
  { key: "emil", name: "Emil Nyberg", email: "emil@lumen.example", role: "member" },
  { key: "farah", name: "Farah Haddad", email: "farah@lumen.example", role: "member" },
] as const satisfies ReadonlyArray<{ key: string; name: string; email: string; role: SpaceRole }>;

const description = `The **Lumen Collective** trains and releases *Lumen*, a family of small, fully open language models
for low-resource languages, with the data, code and evaluations published alongside the weights.

- Weights on Hugging Face under \`lumen-collective/\`
- Training code: Apache-2.0; data: CC-BY-4.0 and CDLA-Permissive-2.0
- Release votes follow the Apache process: three binding +1 from stewards.`;

export async function seedFoundation() {
  const users: Record<string, string> = {};
  for (const person of demoPeople) {
    const user = await db.user.create({
      data: { name: person.name, email: person.email, isDemo: true, createdAt: daysAgo(200 - demoPeople.indexOf(person) * 6) },
    });
    users[person.key] = user.id;
  }
  const space = await db.$transaction(async (tx) => {
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
      },
    });
    await tx.membership.create({ data: { spaceId: created.id, userId: users.amara!, role: "owner", joinedAt: daysAgo(180) } });
    await appendEvent(tx, {
      spaceId: created.id,
      actorId: users.amara!,
      type: "space.created",
      subject: { spaceId: created.id },
      data: { slug: "lumen", name: "Lumen Collective", visibility: "public" },
      at: daysAgo(180),
    });
    return created;
  });
  let day = 176;
  for (const person of demoPeople.filter((p) => p.role !== "owner")) {
    day -= 9;
    const joinedAt = daysAgo(day, 14);
    await db.$transaction(async (tx) => {
      await tx.membership.create({ data: { spaceId: space.id, userId: users[person.key]!, role: person.role, joinedAt } });
      await appendEvent(tx, {
        spaceId: space.id,
        actorId: users.amara!,
        type: "member.added",
        subject: { spaceId: space.id, userId: users[person.key]! },
        data: { role: person.role, name: person.name },
        at: joinedAt,
      });
    });
  }
  return { users, space };
}

async function main() {
  if ((await db.space.count({ where: { slug: "lumen" } })) > 0) {
    console.log("The demo community is already there; nothing to seed.");
    return;
  }
  await seedFoundation();
  console.log("Seeded the Lumen Collective demo space.");
}

main()
  .then(() => db.$disconnect())
  .catch(async (error) => {
    console.error(error);
    await db.$disconnect();
    process.exit(1);
  });
