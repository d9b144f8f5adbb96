// A decision of a private space the caller cannot see answers exactly like a decision that never existed.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { cancelDecision, castBallot, closeDecision, decisionDetail, openDecision } from "@/lib/decisions/use-cases";
import { openDecisionInput } from "@/lib/decisions/schema";
import { DomainError, type AppError } from "@/lib/result";
import { createUser } from "@/test/support/factories";
import { actorOf, community } from "./support";

/** What the boundary hands the caller, whether the use case returned a refusal or threw one. */
async function answer(call: () => Promise<unknown>): Promise<AppError | "allowed"> {
  try {
    const result = (await call()) as { ok: boolean; error?: AppError };
    return result && result.ok === false && result.error ? result.error : "allowed";
  } catch (error) {
    if (error instanceof DomainError) return error.toError();
    throw error;
  }
}

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
