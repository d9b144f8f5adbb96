// A decision of a private space the caller cannot see answers exactly like a decision that never existed.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { cancelDecision } from "@/lib/decisions/use-cases/cancel-decision";
import { castBallot } from "@/lib/decisions/use-cases/cast-ballot";
import { closeDecision } from "@/lib/decisions/use-cases/close-decision";
import { decisionDetail } from "@/lib/decisions/use-cases/decision-detail";
import { openDecision } from "@/lib/decisions/use-cases/open-decision";
import { openDecisionInput } from "@/lib/decisions/schema";
import { createUser } from "@/test/support/factories";
import { actorOf, answer, community } from "./support";


describe("a private space's decision id", () => {
  it("gets the same answer as a made-up id from every decision use case, signed in or not", async () => {
    const { space, people } = await community({ roles: ["owner", "steward"] });
    const opened = await openDecision(people[0]!, openDecisionInput.parse({ spaceSlug: space.slug, title: "Private policy", kind: "policy", hours: 24 }));
    if (!opened.ok) throw new Error(opened.error.message);
    await db.space.update({ where: { id: space.id }, data: { visibility: "private" } });
    const outsider = actorOf(await createUser());
    const calls = {
      detail: (id: string, who: typeof outsider | null) => decisionDetail(who, id),
      close: (id: string, who: typeof outsider | null) => closeDecision(who, { decisionId: id }),
      cancel: (id: string, who: typeof outsider | null) => cancelDecision(who, { decisionId: id, reason: "Not yours to cancel" }),
      ballot: (id: string, who: typeof outsider | null) => castBallot(who, { decisionId: id, choice: "yes" }),
    };
    for (const [name, call] of Object.entries(calls)) {
      for (const who of [outsider, null]) {
        const missing = await answer(() => call("cmnosuchdecision00000000000", who));
        const hidden = await answer(() => call(opened.data.id, who));
        expect(hidden, `${name} as ${who ? "a non-member" : "anonymous"}`).toEqual(missing);
        expect(hidden).toEqual({ code: "NOT_FOUND", message: "No such decision.", kind: "not_found" });
      }
    }
    expect(await db.decision.findUniqueOrThrow({ where: { id: opened.data.id } })).toMatchObject({ status: "open" });
    expect(await db.ballot.count({ where: { decisionId: opened.data.id } })).toBe(0);
  });
});
