// The demo's audit story: lumen-7b@2.0 is clear of audit blockers, lumen-13b@0.9 is blocked by an open high finding.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { auditGateForRelease } from "@/lib/audits/release-gate";
import { defaultCharter } from "@/lib/charter/rules";
import { seedAudits } from "@/prisma/seed-audits";
import { flushSeedEvents } from "@/prisma/seed-record";
import { createSpace, createUser } from "@/test/support/factories";
import { createRelease, digestOf } from "./support";

describe("seedAudits", () => {
  it("files the story's reports with backdated events in time order", async () => {
    const keys = ["amara", "bruno", "chen", "dana", "emil", "farah", "gita"] as const;
    const people = await Promise.all(keys.map((k) => createUser({ name: k })));
    const users = Object.fromEntries(keys.map((k, i) => [k, people[i]!.id])) as Record<(typeof keys)[number], string>;
    const space = await createSpace({ members: [{ userId: users.amara, role: "owner" }, { userId: users.dana, role: "auditor" }] });
    const charter = defaultCharter();
    charter.audits.requiredCategories = ["safety", "license-compliance", "bias-fairness"];
    await db.charterVersion.create({ data: { spaceId: space.id, version: 1, charter: charter as Prisma.InputJsonObject } });
    const r20 = await createRelease(space.id, users.amara);
    const r13 = await createRelease(space.id, users.amara, [digestOf("d"), digestOf("e"), digestOf("f")]);

    const { reports } = await seedAudits({ users, spaceId: space.id, releases: { "lumen-7b@2.0": r20.id, "lumen-13b@0.9": r13.id } });
    await flushSeedEvents();
    expect(Object.keys(reports)).toHaveLength(4);

    expect(await auditGateForRelease(r20.id)).toEqual({ blocked: false, reasons: [], unblockHints: [] });
    const blocked = await auditGateForRelease(r13.id);
    expect(blocked.reasons.filter((r) => r.code === "BLOCKING_FINDING").map((r) => r.message)).toEqual([
      "Finding 'Prompt injection bypasses the system prompt' (high) is open.",
    ]);

    const events = await db.governanceEvent.findMany({ where: { spaceId: space.id }, orderBy: { id: "asc" } });
    const times = events.map((e) => e.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(events.filter((e) => e.type === "finding.transitioned")).toHaveLength(4);
  });
});
