// Spaces, charters and releases for the decisions tests: unique per test, built directly in the database.
import { randomBytes } from "node:crypto";
import type { Actor } from "@/lib/auth/session";
import { defaultCharter, type Charter } from "@/lib/charter/rules";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SpaceRole } from "@/lib/policy";
import { createSpace, createUser, eventsFor } from "@/test/support/factories";

export const actorOf = (user: { id: string; name: string | null; email: string | null }): Actor => ({ id: user.id, name: user.name, email: user.email });

/** The default charter, with no required audits, short windows allowed and early close on. */
export function testCharter(edit: (charter: Charter) => void = () => {}): Charter {
  const charter = defaultCharter();
  charter.audits.requiredCategories = [];
  for (const rule of Object.values(charter.decisions)) {
    rule.minHours = 0;
    rule.earlyClose = true;
  }
  edit(charter);
  return charter;
}

export async function community({ roles, charter = testCharter() }: { roles: SpaceRole[]; charter?: Charter }) {
  const users = [];
  for (const [index, role] of roles.entries()) users.push({ user: await createUser({ name: `${role}-${index}` }), role });
  const space = await createSpace({ members: users.map(({ user, role }) => ({ userId: user.id, role })) });
  await db.charterVersion.create({ data: { spaceId: space.id, version: 1, charter: charter as Prisma.InputJsonObject, reason: "test" } });
  return { space, people: users.map(({ user }) => actorOf(user)) };
}

export async function releaseInReview(spaceId: string, createdById: string) {
  return db.release.create({
    data: {
      spaceId,
      modelName: "lumen-test",
      version: `1.${randomBytes(3).toString("hex")}`,
      status: "in_review",
      createdById,
      artifacts: { create: [{ name: "model.safetensors", kind: "weights", digest: `sha256:${randomBytes(32).toString("hex")}` }] },
      components: { create: [{ component: "datasets", included: true, license: "ODbL-1.0" }] },
    },
  });
}

/** Everything a refusal must leave untouched. */
export async function snapshot(spaceId: string, decisionId?: string) {
  const [ballots, events, decision] = await Promise.all([
    decisionId ? db.ballot.findMany({ where: { decisionId }, orderBy: { voterId: "asc" } }) : [],
    eventsFor({ spaceId }),
    decisionId ? db.decision.findUnique({ where: { id: decisionId } }) : null,
  ]);
  return { ballots, events: events.map((e) => e.hash), decision };
}

