// Shared setup for release integration tests: a space with every role, and a ready-made proposal.
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { createReleaseInput } from "@/lib/releases/schema";
import { createSpace, createUser, eventsFor } from "@/test/support/factories";

type User = Awaited<ReturnType<typeof createUser>>;
export const actorOf = (user: User): Actor => ({ id: user.id, name: user.name, email: user.email });

export const hex = (c: string) => c.repeat(64);
export const commit = "4f1c0b8e2a7d9c3b5e6f7a8b9c0d1e2f3a4b5c6d";

export async function lumenSpace(visibility: "public" | "private" = "public") {
  const [owner, steward, member, outsider] = await Promise.all([
    createUser({ name: "Amara" }),
    createUser({ name: "Bruno" }),
    createUser({ name: "Emil" }),
    createUser({ name: "Gita" }),
  ]);
  const space = await createSpace({
    visibility,
    members: [
      { userId: owner.id, role: "owner" },
      { userId: steward.id, role: "steward" },
      { userId: member.id, role: "member" },
    ],
  });
  return { space, owner: actorOf(owner), steward: actorOf(steward), member: actorOf(member), outsider: actorOf(outsider) };
}

export function proposal(spaceSlug: string, overrides: Record<string, unknown> = {}) {
  return createReleaseInput.parse({
    spaceSlug,
    modelName: "lumen-7b",
    version: "2.0",
    summary: "Lumen 7B, **second** generation.",
    changelog: "- Longer context",
    artifacts: [
      { name: "model.safetensors", kind: "weights", digest: `sha256:${hex("a")}`, sizeBytes: 14_483_464_192 },
      { name: "tokenizer.json", kind: "tokenizer", digest: `sha256:${hex("b")}` },
      { name: "config.json", kind: "config", digest: `sha256:${hex("c")}` },
    ],
    components: [
      { component: "model-architecture", included: true, license: "Apache-2.0" },
      { component: "final-parameters", included: true, license: "Apache-2.0" },
      { component: "model-card", included: true, license: "CC-BY-4.0" },
      { component: "data-card", included: true, license: "" },
    ],
    links: [`hf://lumen-collective/lumen-7b@${commit}`, "ghcr.io/lumen-collective/lumen-7b:2.0"],
    ...overrides,
  });
}

/** Everything a release write could touch in a space, to prove that a refusal changed nothing. */
export async function snapshot(spaceId: string) {
  const releases = await db.release.findMany({
    where: { spaceId },
    orderBy: { id: "asc" },
    include: { artifacts: { orderBy: { name: "asc" } }, components: { orderBy: { component: "asc" } }, links: { orderBy: { reference: "asc" } } },
  });
  const events = await eventsFor({ spaceId });
  return { releases: JSON.parse(JSON.stringify(releases, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v))) as unknown, events: events.length };
}
