// Rules an open decision must hold: reachable quorum and +1 counts, licensing targets that are real
// components, well-formed rankings, and the charter version it opened with.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { castBallot } from "@/lib/decisions/use-cases/cast-ballot";
import { closeDecision } from "@/lib/decisions/use-cases/close-decision";
import { openDecision } from "@/lib/decisions/use-cases/open-decision";
import { openDecisionInput } from "@/lib/decisions/schema";
import { mofComponentIds } from "@/lib/releases/openness";
import { parseCharter } from "@/lib/charter/rules";
import type { Prisma } from "@/lib/generated/prisma/client";
import { community, input, opened, releaseInReview, snapshot, testCharter } from "./support";


describe("numbers that make a rule impossible", () => {
  it("refuses a count quorum or a +1 minimum above the binding voters, naming how many there are; nothing is written", async () => {
    const { space, people } = await community({
      roles: ["owner", "steward", "steward", "steward", "member"],
      charter: testCharter((c) => (c.decisions.policy.quorum = { type: "count", value: 1 })),
    });
    const [owner] = people;
    const release = await releaseInReview(space.id, owner!.id);
    const before = await snapshot(space.id);
    expect(await openDecision(owner!, input(space.slug, { kind: "policy", hours: 24, quorum: { type: "count", value: 5 } }))).toEqual({
      ok: false,
      error: {
        code: "QUORUM_UNREACHABLE",
        kind: "rule",
        message: "A quorum of 5 binding voters can never be reached: 4 binding voters are eligible.",
        fields: { quorum: ["A quorum of 5 binding voters can never be reached: 4 binding voters are eligible."] },
      },
    });
    expect(await openDecision(owner!, input(space.slug, { kind: "release", releaseId: release.id, hours: 72, minPlusOnes: 5 }))).toMatchObject({
      ok: false,
      error: { code: "MIN_PLUS_ONES_UNREACHABLE", kind: "rule", message: "5 binding +1 votes can never be reached: 4 binding voters are eligible." },
    });
    expect(await snapshot(space.id)).toEqual(before);
    expect((await db.release.findUniqueOrThrow({ where: { id: release.id } })).status).toBe("in_review");
    // The most it may ask is every binding voter.
    await opened(await openDecision(owner!, input(space.slug, { kind: "policy", hours: 24, quorum: { type: "count", value: 4 } })));
  });

  it("refuses absurd numbers at the boundary", () => {
    const base = { spaceSlug: "s", title: "A decision", kind: "policy", hours: 24 };
    const quorum = openDecisionInput.safeParse({ ...base, quorum: { type: "count", value: 1e308 } });
    expect(quorum.success).toBe(false);
    expect(quorum.error?.issues[0]).toMatchObject({ path: ["quorum", "value"], message: "A quorum cannot exceed 100,000 voters." });
    const plusOnes = openDecisionInput.safeParse({ ...base, minPlusOnes: 1e12 });
    expect(plusOnes.error?.issues[0]).toMatchObject({ path: ["minPlusOnes"], message: "The number of +1 votes needed cannot exceed 100,000." });
  });
});

describe("a licensing decision's component", () => {
  it("refuses a component that is not one of the MOF components, naming the valid ones; nothing is written", async () => {
    const { space, people } = await community({ roles: ["owner", "steward"] });
    const release = await releaseInReview(space.id, people[0]!.id);
    const before = await snapshot(space.id);
    const result = await openDecision(people[0]!, input(space.slug, { kind: "licensing", releaseId: release.id, component: "data sets", license: "CC-BY-4.0", hours: 24 }));
    expect(result).toMatchObject({ ok: false, error: { code: "UNKNOWN_COMPONENT", kind: "rule" } });
    if (result.ok) return;
    expect(result.error.message).toContain('"data sets" is not a component of a release.');
    for (const id of mofComponentIds) expect(result.error.message).toContain(id);
    expect(result.error.fields?.component).toEqual([result.error.message]);
    expect(await snapshot(space.id)).toEqual(before);
  });

  it("sets the license of the real component it names, and invents none", async () => {
    const { space, people } = await community({ roles: ["owner", "steward"] });
    const release = await releaseInReview(space.id, people[0]!.id);
    const { id } = await opened(await openDecision(people[0]!, input(space.slug, { kind: "licensing", releaseId: release.id, component: "datasets", license: "CC-BY-4.0", hours: 24 })));
    for (const voter of people) expect(await castBallot(voter, { decisionId: id, choice: "yes" })).toMatchObject({ ok: true });
    expect(await closeDecision(people[0]!, { decisionId: id })).toMatchObject({ ok: true, data: { status: "passed" } });
    const components = await db.releaseComponent.findMany({ where: { releaseId: release.id } });
    expect(components.map((c) => [c.component, c.license])).toEqual([["datasets", "CC-BY-4.0"]]);
  });

  it("a decision stored with a phantom component changes no license when it passes", async () => {
    const { space, people } = await community({ roles: ["owner", "steward"] });
    const release = await releaseInReview(space.id, people[0]!.id);
    const { id } = await opened(await openDecision(people[0]!, input(space.slug, { kind: "licensing", releaseId: release.id, component: "datasets", license: "CC-BY-4.0", hours: 24 })));
    // As wave 1 stored it, before the component was checked.
    const decision = await db.decision.findUniqueOrThrow({ where: { id } });
    await db.decision.update({ where: { id }, data: { subject: { ...(decision.subject as Prisma.JsonObject), component: "data sets" } } });
    for (const voter of people) await castBallot(voter, { decisionId: id, choice: "yes" });
    const closed = await closeDecision(people[0]!, { decisionId: id });
    expect(closed).toMatchObject({ ok: true, data: { status: "passed" } });
    const after = await db.decision.findUniqueOrThrow({ where: { id } });
    expect(after.outcome).toMatchObject({ applied: ['"data sets" is not a component of a release, so no license was changed.'] });
    const components = await db.releaseComponent.findMany({ where: { releaseId: release.id } });
    expect(components.map((c) => [c.component, c.license])).toEqual([["datasets", "ODbL-1.0"]]);
  });
});

describe("ranked ballots", () => {
  it("refuses duplicates, unknown options and empty rankings with 400-kind errors naming the problem; accepts a partial ranking", async () => {
    const { space, people } = await community({ roles: ["owner", "steward"] });
    const { id } = await opened(
      await openDecision(people[0]!, input(space.slug, { kind: "policy", method: "schulze", hours: 24, options: [{ id: "a", label: "A" }, { id: "b", label: "B" }, { id: "c", label: "C" }] })),
    );
    const before = await snapshot(space.id, id);
    for (const [choice, code, message] of [
      [["a", "a"], "DUPLICATE_RANK", "Option 'a' is ranked more than once; rank each option at most once."],
      [["a", "zz"], "UNKNOWN_OPTION", "Option 'zz' is not one of this decision's options."],
      [[], "EMPTY_RANKING", "Rank at least one option; options you leave out come after the ones you rank."],
    ] as const) {
      expect(await castBallot(people[1]!, { decisionId: id, choice })).toEqual({ ok: false, error: { code, message, kind: "invalid", fields: { choice: [message] } } });
    }
    expect(await snapshot(space.id, id)).toEqual(before);
    expect(await castBallot(people[1]!, { decisionId: id, choice: ["b"] })).toMatchObject({ ok: true });
    expect((await db.ballot.findFirstOrThrow({ where: { decisionId: id } })).choice).toEqual(["b"]);
  });
});

describe("a decision runs under the charter version it opened with", () => {
  it("keeps its method, quorum and threshold when the charter is amended while it is open", async () => {
    const { space, people } = await community({ roles: ["owner", "steward", "steward"], charter: testCharter((c) => (c.decisions.policy.quorum = { type: "count", value: 2 })) });
    const { id } = await opened(await openDecision(people[0]!, input(space.slug, { kind: "policy", hours: 24 })));
    const amended = testCharter((c) => {
      c.decisions.policy.method = "apache-consensus";
      c.decisions.policy.quorum = { type: "count", value: 3 };
      c.decisions.policy.threshold = 0.9;
      c.decisions.policy.minPlusOnes = 3;
    });
    expect(parseCharter(amended).ok).toBe(true);
    await db.charterVersion.create({ data: { spaceId: space.id, version: 2, charter: amended as Prisma.InputJsonObject, reason: "amended while open" } });
    for (const [voter, choice] of [[people[0]!, "yes"], [people[1]!, "no"], [people[2]!, "yes"]] as const) {
      expect(await castBallot(voter, { decisionId: id, choice })).toMatchObject({ ok: true });
    }
    // Under version 1: yes-no, quorum 2, simple majority: 2 yes to 1 no passes (version 2 would need 90%).
    const closed = await closeDecision(people[0]!, { decisionId: id });
    expect(closed, JSON.stringify(closed)).toMatchObject({ ok: true, data: { status: "passed" } });
    expect((await db.decision.findUniqueOrThrow({ where: { id } })).charterVersion).toBe(1);
  });
});
