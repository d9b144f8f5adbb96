// Decisions end to end through the use cases: opening with frozen eligibility, ballots and their refusals,
// closing exactly once with its effects (release approval, license, charter amendment), cancelling.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { eligibilityHash } from "@/lib/decisions/rules";
import { cancelDecision } from "@/lib/decisions/use-cases/cancel-decision";
import { castBallot } from "@/lib/decisions/use-cases/cast-ballot";
import { closeDecision } from "@/lib/decisions/use-cases/close-decision";
import { decisionDetail } from "@/lib/decisions/use-cases/decision-detail";
import { spaceDecisions } from "@/lib/decisions/use-cases/space-decisions";
import { openDecision } from "@/lib/decisions/use-cases/open-decision";
import { createUser, eventsFor } from "@/test/support/factories";
import { actorOf, community, input, opened, releaseInReview, snapshot, testCharter } from "./support";


describe("opening a decision", () => {
  it("freezes eligibility with its hash in decision.opened; a later member cannot vote", async () => {
    const { space, people } = await community({ roles: ["owner", "steward", "member", "auditor"] });
    const [owner, steward, member] = people;
    const { id } = await opened(await openDecision(owner!, input(space.slug, { kind: "policy", hours: 24 })));
    const decision = await db.decision.findUniqueOrThrow({ where: { id } });
    expect(decision.method).toBe("yes-no");
    expect(decision.charterVersion).toBe(1);
    const voters = decision.eligibility as Array<{ userId: string; binding: boolean }>;
    expect(voters).toHaveLength(4);
    expect(voters.find((v) => v.userId === steward!.id)?.binding).toBe(true);
    expect(voters.find((v) => v.userId === member!.id)?.binding).toBe(false);
    expect(decision.eligibilityHash).toBe(eligibilityHash(voters));
    const [event] = await eventsFor({ spaceId: space.id, type: "decision.opened" });
    expect(event?.subject).toEqual({ decisionId: id });
    expect((event?.data as { eligibilityHash: string }).eligibilityHash).toBe(decision.eligibilityHash);

    const late = actorOf(await createUser());
    await db.membership.create({ data: { spaceId: space.id, userId: late.id, role: "steward" } });
    const before = await snapshot(space.id, id);
    const refused = await castBallot(late, { decisionId: id, choice: "yes" });
    expect(refused).toMatchObject({ ok: false, error: { code: "NOT_ELIGIBLE", kind: "forbidden" } });
    expect(await snapshot(space.id, id)).toEqual(before);
  });

  it("refuses a method looser than the charter, a window outside it, and members who are not stewards; nothing is written", async () => {
    const { space, people } = await community({ roles: ["owner", "member"], charter: testCharter((c) => (c.decisions.policy.minHours = 48)) });
    const [owner, member] = people;
    const before = await snapshot(space.id);
    expect(await openDecision(owner!, input(space.slug, { kind: "policy", hours: 24 }))).toMatchObject({ ok: false, error: { code: "VOTING_PERIOD_TOO_SHORT" } });
    expect(await openDecision(owner!, input(space.slug, { kind: "policy", hours: 72, threshold: 0.4 }))).toMatchObject({ ok: false, error: { code: "THRESHOLD_BELOW_CHARTER" } });
    expect(await openDecision(owner!, input(space.slug, { kind: "release", hours: 72, method: "plurality" }))).toMatchObject({ ok: false, error: { code: "METHOD_NOT_ALLOWED" } });
    await expect(openDecision(member!, input(space.slug, { kind: "policy", hours: 72 }))).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await snapshot(space.id)).toEqual(before);
  });

  it("refuses licensing options that are not SPDX expressions", async () => {
    const { space, people } = await community({ roles: ["owner"] });
    const release = await releaseInReview(space.id, people[0]!.id);
    const result = await openDecision(people[0]!, input(space.slug, { kind: "licensing", method: "irv", releaseId: release.id, hours: 24, options: [{ label: "CC-BY-4.0" }, { label: "Not A License" }] }));
    expect(result).toMatchObject({ ok: false, error: { code: "INVALID_LICENSE" } });
  });
});

describe("ballots", () => {
  it("casts, changes (the last counts, every cast recorded) and refuses malformed, unknown-option, veto-without-reason and closed ballots", async () => {
    const { space, people } = await community({ roles: ["owner", "steward", "steward", "member"] });
    const [owner, s1, s2] = people;
    const a = await opened(await openDecision(owner!, input(space.slug, { kind: "policy", method: "plurality", hours: 24, options: [{ id: "red", label: "Red" }, { id: "blue", label: "Blue" }] })));
    const b = await opened(await openDecision(owner!, input(space.slug, { kind: "policy", method: "plurality", hours: 24, options: [{ id: "green", label: "Green" }, { id: "gold", label: "Gold" }] })));
    const deployment = await opened(await openDecision(owner!, input(space.slug, { kind: "deployment", hours: 24, target: "public inference endpoint", conditions: "Rate limited" })));

    const first = await castBallot(s1!, { decisionId: a.id, choice: "red" });
    expect(first).toMatchObject({ ok: true, data: { binding: true, changed: false } });
    const second = await castBallot(s1!, { decisionId: a.id, choice: "blue", reason: "Calmer" });
    expect(second).toMatchObject({ ok: true, data: { changed: true } });
    const ballots = await db.ballot.findMany({ where: { decisionId: a.id } });
    expect(ballots).toHaveLength(1);
    expect(ballots[0]).toMatchObject({ choice: "blue", reason: "Calmer", binding: true, receipt: second.ok ? second.data.receipt : "" });
    const casts = await eventsFor({ spaceId: space.id, type: "ballot.cast" });
    expect(casts).toHaveLength(2);
    expect(casts[1]?.hash).toBe(second.ok ? second.data.receipt : "");
    expect(casts[1]?.subject).toEqual({ decisionId: a.id });

    const before = await snapshot(space.id, a.id);
    expect(await castBallot(s2!, { decisionId: a.id, choice: ["red"] })).toMatchObject({ ok: false, error: { code: "MALFORMED_CHOICE" } });
    expect(await castBallot(s2!, { decisionId: a.id, choice: "green" })).toMatchObject({ ok: false, error: { code: "UNKNOWN_OPTION" } });
    expect(await castBallot(s2!, { decisionId: deployment.id, choice: "-1" })).toMatchObject({ ok: false, error: { code: "REASON_REQUIRED" } });
    expect(await snapshot(space.id, a.id)).toEqual(before);
    expect(await db.ballot.count({ where: { decisionId: deployment.id } })).toBe(0);

    expect(await castBallot(s2!, { decisionId: deployment.id, choice: "-1", reason: "Not before the red-team report" })).toMatchObject({ ok: true });

    // Past the deadline: the ballot is refused, and the refusal closes the decision (once).
    const later = new Date(Date.now() + 25 * 3600_000);
    const beforeClose = (await db.ballot.count({ where: { decisionId: b.id } }));
    expect(await castBallot(s2!, { decisionId: b.id, choice: "gold" }, later)).toMatchObject({ ok: false, error: { code: "VOTING_CLOSED", kind: "conflict" } });
    expect(await db.ballot.count({ where: { decisionId: b.id } })).toBe(beforeClose);
    const closed = await db.decision.findUniqueOrThrow({ where: { id: b.id } });
    expect(closed.status).toBe("closed");
    expect(closed.outcome).toMatchObject({ status: "no-quorum", closedBy: "deadline" });
    expect(await castBallot(s2!, { decisionId: b.id, choice: "gold" })).toMatchObject({ ok: false, error: { code: "VOTING_CLOSED" } });
  });

  it("hides a private space's decision from outsiders and refuses anonymous ballots", async () => {
    const { space, people } = await community({ roles: ["owner"] });
    await db.space.update({ where: { id: space.id }, data: { visibility: "private" } });
    const { id } = await opened(await openDecision(people[0]!, input(space.slug, { kind: "policy", hours: 24 })));
    const outsider = actorOf(await createUser());
    await expect(castBallot(outsider, { decisionId: id, choice: "yes" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(castBallot(null, { decisionId: id, choice: "yes" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(decisionDetail(outsider, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("closing and effects", () => {
  it("an Apache release vote opens voting on the release, and an early close approves it", async () => {
    const { space, people } = await community({ roles: ["owner", "steward", "steward", "member"] });
    const [owner, s1, s2, member] = people;
    const release = await releaseInReview(space.id, owner!.id);
    const { id } = await opened(await openDecision(owner!, input(space.slug, { kind: "release", releaseId: release.id, hours: 72 })));
    expect((await db.release.findUniqueOrThrow({ where: { id: release.id } })).status).toBe("voting");
    expect(await openDecision(owner!, input(space.slug, { kind: "release", releaseId: release.id, hours: 72 }))).toMatchObject({ ok: false, error: { code: "DECISION_ALREADY_OPEN" } });
    for (const voter of [owner!, s1!, s2!]) expect(await castBallot(voter, { decisionId: id, choice: "+1" })).toMatchObject({ ok: true });
    expect(await castBallot(member!, { decisionId: id, choice: "+1" })).toMatchObject({ ok: true, data: { binding: false } });

    const live = await decisionDetail(member!, id);
    expect(live.projection).toBe("If it closed now: passes because 3 binding +1, 0 binding -1; 3 needed.");
    expect(live.progress).toEqual([{ label: "Binding +1 votes", reached: 3, needed: 3 }]);
    await expect(closeDecision(member!, { decisionId: id })).rejects.toMatchObject({ code: "FORBIDDEN" });

    const closed = await closeDecision(s1!, { decisionId: id });
    expect(closed).toMatchObject({ ok: true, data: { status: "passed", explanation: "Passed: 3 binding +1, 0 binding -1; 3 needed." } });
    expect((await db.release.findUniqueOrThrow({ where: { id: release.id } })).status).toBe("approved");
    const types = (await eventsFor({ spaceId: space.id })).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(["decision.opened", "release.voting_opened", "ballot.cast", "decision.closed", "release.approved"]));
    const [close] = await eventsFor({ spaceId: space.id, type: "decision.closed" });
    expect(close?.subject).toEqual({ decisionId: id, releaseId: release.id });
    expect(await closeDecision(s1!, { decisionId: id })).toMatchObject({ ok: false, error: { code: "VOTING_CLOSED" } });
    const view = await decisionDetail(null, id);
    expect(view.outcome).toMatchObject({ status: "passed", applied: ["The release is approved."] });
  });

  it("refuses an early close where the charter does not allow it", async () => {
    const { space, people } = await community({ roles: ["owner"], charter: testCharter((c) => (c.decisions.policy.earlyClose = false)) });
    const { id } = await opened(await openDecision(people[0]!, input(space.slug, { kind: "policy", hours: 24 })));
    expect(await closeDecision(people[0]!, { decisionId: id })).toMatchObject({ ok: false, error: { code: "EARLY_CLOSE_NOT_ALLOWED" } });
  });

  it("a ranked licensing vote (IRV) sets the winning license on the component", async () => {
    const { space, people } = await community({ roles: ["owner", "steward", "steward"] });
    const [owner, s1, s2] = people;
    const release = await releaseInReview(space.id, owner!.id);
    const { id } = await opened(
      await openDecision(owner!, input(space.slug, { kind: "licensing", method: "irv", releaseId: release.id, component: "datasets", hours: 24, options: [{ label: "cc-by-4.0" }, { label: "CDLA-Permissive-2.0" }, { label: "ODbL-1.0" }] })),
    );
    const view = await decisionDetail(owner!, id);
    expect(view.options.map((o) => o.label)).toEqual(["CC-BY-4.0", "CDLA-Permissive-2.0", "ODbL-1.0"]);
    const [cc, cdla, odbl] = view.options.map((o) => o.id);
    await castBallot(owner!, { decisionId: id, choice: [cc, cdla] });
    await castBallot(s1!, { decisionId: id, choice: [cdla, cc] });
    await castBallot(s2!, { decisionId: id, choice: [odbl, cc] });
    const closed = await closeDecision(owner!, { decisionId: id });
    expect(closed).toMatchObject({ ok: true, data: { status: "passed" } });
    const component = await db.releaseComponent.findFirstOrThrow({ where: { releaseId: release.id, component: "datasets" } });
    expect(component.license).toBe("CC-BY-4.0");
    expect(await eventsFor({ spaceId: space.id, type: "release.license_decided" })).toHaveLength(1);
  });

  it("a passed charter amendment becomes the next charter version with charter.amended", async () => {
    const { space, people } = await community({ roles: ["owner", "steward"] });
    const proposed = testCharter((c) => (c.decisions.release.minPlusOnes = 5));
    const { id } = await opened(await openDecision(people[0]!, input(space.slug, { kind: "charter", hours: 24, charter: proposed })));
    for (const voter of people) await castBallot(voter, { decisionId: id, choice: "yes" });
    expect(await closeDecision(people[0]!, { decisionId: id })).toMatchObject({ ok: true, data: { status: "passed" } });
    const latest = await db.charterVersion.findFirstOrThrow({ where: { spaceId: space.id }, orderBy: { version: "desc" } });
    expect(latest.version).toBe(2);
    expect(latest.charter).toEqual(proposed);
    const [amended] = await eventsFor({ spaceId: space.id, type: "charter.amended" });
    expect(amended?.subject).toMatchObject({ decisionId: id, version: 2 });
  });

  it("cancels with a reason, returning a release to review; a cancelled decision refuses ballots", async () => {
    // Three binding voters, so the charter's three +1 votes can be reached and the vote may open.
    const { space, people } = await community({ roles: ["owner", "steward", "steward"] });
    const release = await releaseInReview(space.id, people[0]!.id);
    const { id } = await opened(await openDecision(people[0]!, input(space.slug, { kind: "release", releaseId: release.id, hours: 72 })));
    expect(await cancelDecision(people[1]!, { decisionId: id, reason: "Wrong artifacts uploaded" })).toMatchObject({ ok: true });
    expect((await db.release.findUniqueOrThrow({ where: { id: release.id } })).status).toBe("in_review");
    expect(await db.decision.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "cancelled", cancelReason: "Wrong artifacts uploaded" });
    expect(await castBallot(people[0]!, { decisionId: id, choice: "+1" })).toMatchObject({ ok: false, error: { code: "VOTING_CLOSED" } });
    const { decisions } = await spaceDecisions(null, space.slug);
    expect(decisions[0]).toMatchObject({ id, status: "cancelled" });
  });

  it("lists only the open decisions, closing soonest first, when asked for a few (the overview)", async () => {
    const { space, people } = await community({ roles: ["owner", "steward"] });
    const later = await opened(await openDecision(people[0]!, input(space.slug, { kind: "policy", hours: 96 })));
    const sooner = await opened(await openDecision(people[0]!, input(space.slug, { kind: "policy", hours: 72 })));
    const cancelled = await opened(await openDecision(people[0]!, input(space.slug, { kind: "policy", hours: 80 })));
    expect(await cancelDecision(people[1]!, { decisionId: cancelled.id, reason: "Asked twice" })).toMatchObject({ ok: true });
    const { decisions } = await spaceDecisions(null, space.slug, { open: { take: 4 } });
    expect(decisions.map((d) => d.id)).toEqual([sooner.id, later.id]);
    expect((await spaceDecisions(null, space.slug, { open: { take: 1 } })).decisions.map((d) => d.id)).toEqual([sooner.id]);
    expect((await spaceDecisions(null, space.slug)).decisions.map((d) => d.id).sort()).toEqual([later.id, sooner.id, cancelled.id].sort());
  });
});
