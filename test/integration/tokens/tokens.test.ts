import { describe, expect, it } from "vitest";
import { createDb, db } from "@/lib/db";
import { databaseIsUp } from "@/lib/health/data";
import { createToken, revokeToken } from "@/lib/tokens/mutations";
import { authenticateToken } from "@/lib/tokens/data";
import { hashToken } from "@/lib/tokens/rules";
import { createUser, eventsFor } from "@/test/support/factories";

describe("personal access tokens", () => {
  it("stores only the hash, records the creation, and authenticates its user", async () => {
    const user = await createUser();
    const created = await createToken({ userId: user.id, name: "release CI" });
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).toBe(hashToken(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);
    const events = await eventsFor({ actorId: user.id, type: "token.created" });
    expect(events).toHaveLength(1);
    expect(events[0]?.subject).toEqual({ tokenId: created.id });
    expect(JSON.stringify({ subject: events[0]?.subject, data: events[0]?.data })).not.toContain(created.token.slice(7));

    expect(await authenticateToken(created.token)).toMatchObject({ id: user.id });
    const used = await db.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(used.lastUsedAt).toBeInstanceOf(Date);
  });

  it("revokes once: the token stops working and a second revoke changes nothing", async () => {
    const user = await createUser();
    const created = await createToken({ userId: user.id, name: "laptop" });
    expect(await revokeToken({ userId: user.id, tokenId: created.id })).toMatchObject({ tokenId: created.id });
    expect(await authenticateToken(created.token)).toBeNull();
    expect(await revokeToken({ userId: user.id, tokenId: created.id })).toBeNull();
    expect(await eventsFor({ actorId: user.id, type: "token.revoked" })).toHaveLength(1);
  });

  it("does not let someone revoke another person's token", async () => {
    const owner = await createUser();
    const other = await createUser();
    const created = await createToken({ userId: owner.id, name: "ci" });
    expect(await revokeToken({ userId: other.id, tokenId: created.id })).toBeNull();
    expect(await authenticateToken(created.token)).toMatchObject({ id: owner.id });
    expect(await eventsFor({ actorId: other.id })).toHaveLength(0);
  });

  it.each(["", "cw_pat_unknown", `cw_pat_${"A".repeat(43)}`])("does not authenticate %j", async (token) => {
    expect(await authenticateToken(token)).toBeNull();
  });
});

describe("the health check", () => {
  it("answers up for the test database and down, without throwing, for an unreachable one", async () => {
    expect(await databaseIsUp()).toBe(true);
    const dead = createDb("postgresql://nobody:nothing@127.0.0.1:1/none", 1);
    expect(await databaseIsUp({ db: dead, timeoutMs: 2_000 })).toBe(false);
    await dead.$disconnect();
  });
});
