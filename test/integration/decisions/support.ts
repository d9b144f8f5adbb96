// Spaces, charters and releases for the decisions tests: unique per test, built directly in the database.
import { randomBytes } from "node:crypto";
import type { Actor } from "@/lib/auth/session";
import { defaultCharter, type Charter } from "@/lib/charter/rules";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SpaceRole } from "@/lib/policy-resource";
import { createSpace, createUser, eventsFor } from "@/test/support/factories";
import { openDecisionInput } from "@/lib/decisions/schema";
import type { openDecision } from "@/lib/decisions/use-cases/open-decision";
import { DomainError, type AppError } from "@/lib/result";

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


/** An opening request with a title and question, and whatever the test adds. */
export function input(slug: string, fields: Record<string, unknown>) {
  return openDecisionInput.parse({ spaceSlug: slug, title: "A decision", question: "Should we?", ...fields });
}

/** The opened decision, or the test fails with the refusal. */
export async function opened(result: Awaited<ReturnType<typeof openDecision>>) {
  if (!result.ok) throw new Error(`open failed: ${result.error.code} ${result.error.message}`);
  return result.data;
}

/** What the boundary hands the caller, whether the use case returned a refusal or threw one. */
export async function answer(call: () => Promise<unknown>): Promise<AppError | "allowed"> {
  try {
    const result = (await call()) as { ok: boolean; error?: AppError };
    return result && result.ok === false && result.error ? result.error : "allowed";
  } catch (error) {
    if (error instanceof DomainError) return error.toError();
    throw error;
  }
}
