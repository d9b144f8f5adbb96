// Posting comments counts against the writes budget (lib/rate-limit): over the limit the API answers 429 and posts nothing.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { createToken } from "@/lib/tokens/mutations";
import { openProposal } from "@/lib/threads/use-cases/open-proposal";
import { actorOf } from "@/test/integration/decisions/support";
import { createSpace, createUser } from "@/test/support/factories";

vi.mock("@/lib/auth/session", () => ({ currentActor: async () => null }));
process.env.CW_RATE_LIMIT_WRITES_PER_MINUTE = "3";

type Route = (req: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
let postRoute: Route;

beforeAll(async () => {
  postRoute = (await import("@/app/api/v1/threads/[kind]/[id]/comments/route")).POST as Route;
});

describe("posting comments", () => {
  it("is rate limited: the fourth post in a minute gets 429 RATE_LIMITED and is not recorded", async () => {
    const user = await createUser();
    const space = await createSpace({ members: [{ userId: user.id, role: "member" }] });
    const opened = await openProposal(actorOf(user), { spaceSlug: space.slug, title: "Limits", body: "Opening text" });
    if (!opened.ok) throw new Error(opened.error.message);
    const { token } = await createToken({ userId: user.id, name: "ci" });
    const post = (body: string) =>
      postRoute(new Request(`http://localhost/api/v1/threads/proposal/${opened.data.id}/comments`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify({ body }) }), {
        params: Promise.resolve({ kind: "proposal", id: opened.data.id }),
      });
    for (const n of [1, 2, 3]) expect((await post(`comment ${n}`)).status).toBe(201);
    const refused = await post("one too many");
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("RATE_LIMITED");
    expect(await db.comment.count({ where: { subjectId: opened.data.id } })).toBe(4); // the opening text and three posts
  });
});
