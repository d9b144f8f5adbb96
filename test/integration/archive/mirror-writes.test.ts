// A mirror is read-only: every write endpoint of the API that acts in a space, asked by the mirror's owner (who holds
// every role's power there), answers the one MIRROR_READ_ONLY refusal and changes nothing. The table is checked
// against the API's own list of write endpoints, so a new one cannot skip the rule.
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { endpoints } from "@/lib/api/endpoints";
import { demoOrigin, oneBuffer, onDatabase, scratchDatabases } from "@/test/integration/archive/second-instance";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ currentActor: async () => session.actor, requireActor: async () => session.actor }));

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Case = { params: Record<string, string>; body: Record<string, unknown> | null };

const database = scratchDatabases("cw_mirror_writes");

/** Writes that are not in a space (a new space, your own profile and notification settings): no mirror to refuse them. */
const outsideSpaces = new Set(["POST /api/v1/spaces", "PATCH /api/v1/users/{id}", "POST /api/v1/notifications/read", "PUT /api/v1/notifications/preferences"]);
const spaceWrites = endpoints.filter((e) => e.method !== "get" && e.path.startsWith("/api/v1/") && e.auth !== "none").map((e) => `${e.method.toUpperCase()} ${e.path}`).filter((key) => !outsideSpaces.has(key));

let mirrorUrl: string;
let owner: Actor;
const cases: Record<string, Case> = {};

beforeAll(async () => {
  const { text } = await demoOrigin(await database(), async () => null);
  mirrorUrl = await database();
  await onDatabase(mirrorUrl, async () => {
    const { importArchive } = await import("@/lib/archive/import/import-archive");
    const imported = await importArchive(() => oneBuffer(text), { mode: "mirror" });
    if (!imported.ok) throw new Error(imported.error.message);
    const { db } = await import("@/lib/db");
    const spaceId = imported.data.spaceId;
    const id = (name: string) => `${name}_not_here`;
    const slug = "lumen";
    const ownerRow = await db.membership.findFirstOrThrow({ where: { spaceId, role: "owner" }, orderBy: { joinedAt: "asc" } });
    owner = { id: ownerRow.userId, name: null, email: null };
    const other = await db.membership.findFirstOrThrow({ where: { spaceId, role: "member" } });
    const release = await db.release.findFirstOrThrow({ where: { spaceId } });
    const decision = await db.decision.findFirstOrThrow({ where: { spaceId, status: "open" } });
    const report = await db.auditReport.findFirstOrThrow({ where: { spaceId } });
    const finding = await db.finding.findFirstOrThrow({ where: { reportId: report.id } });
    // The discussions arrived as rows too (format 2): their writes meet the mirror rule, not a missing id.
    const comment = await db.comment.findFirstOrThrow({ where: { spaceId, authorId: ownerRow.userId, state: "visible" } });
    const proposal = await db.proposal.findFirstOrThrow({ where: { spaceId } });
    const concern = await db.concern.findFirstOrThrow({ where: { spaceId } });
    const charter = (await db.charterVersion.findFirstOrThrow({ where: { spaceId }, orderBy: { version: "desc" } })) as { charter: unknown; version: number };
    const hook = { slug, webhookId: id("hook") };
    Object.assign(cases, {
      "POST /api/v1/spaces/{slug}/members": { params: { slug }, body: { email: "someone@example.test", role: "member" } },
      "PATCH /api/v1/spaces/{slug}/members/{userId}": { params: { slug, userId: other.userId }, body: { role: "auditor" } },
      "DELETE /api/v1/spaces/{slug}/members/{userId}": { params: { slug, userId: other.userId }, body: null },
      "POST /api/v1/spaces/{slug}/members/{userId}/identity": { params: { slug, userId: other.userId }, body: { email: "someone@example.test" } },
      "DELETE /api/v1/spaces/{slug}/invitations/{id}": { params: { slug, id: id("invitation") }, body: null },
      "PUT /api/v1/spaces/{slug}/charter": { params: { slug }, body: { charter: charter.charter, reason: "Change it on the mirror", basedOnVersion: charter.version } },
      "POST /api/v1/spaces/{slug}/releases": {
        params: { slug },
        body: { modelName: "lumen-mirror", version: "1.0", summary: "Proposed on a mirror.", artifacts: [{ name: "model.safetensors", kind: "weights", digest: `sha256:${"d".repeat(64)}`, uri: "https://example.org/m" }] },
      },
      "PATCH /api/v1/releases/{id}": { params: { id: release.id }, body: { summary: "Edited on a mirror." } },
      "POST /api/v1/releases/{id}/transitions": { params: { id: release.id }, body: { to: "draft", note: "Back to draft." } },
      "POST /api/v1/releases/{id}/audits": { params: { id: release.id }, body: { category: "security", scopeDigests: [`sha256:${"a".repeat(64)}`], summary: "Filed on a mirror.", verdict: "pass" } },
      "POST /api/v1/audits/{id}/reviews": { params: { id: report.id }, body: { verdict: "accept", comment: "Reviewed on a mirror." } },
      "PATCH /api/v1/findings/{id}": { params: { id: finding.id }, body: { status: "acknowledged", note: "Seen on a mirror." } },
      "POST /api/v1/spaces/{slug}/decisions": { params: { slug }, body: { title: "Decide on a mirror", kind: "policy", hours: 72 } },
      "POST /api/v1/decisions/{id}/ballots": { params: { id: decision.id }, body: { choice: "+1" } },
      "POST /api/v1/decisions/{id}/close": { params: { id: decision.id }, body: null },
      "POST /api/v1/decisions/{id}/cancel": { params: { id: decision.id }, body: { reason: "Cancelled on a mirror." } },
      "POST /api/v1/decisions/{id}/concerns": { params: { id: decision.id }, body: { title: "A mirror concern", body: "Raised on a mirror." } },
      "POST /api/v1/releases/{id}/concerns": { params: { id: release.id }, body: { title: "A mirror concern", body: "Raised on a mirror." } },
      "POST /api/v1/concerns/{id}/resolve": { params: { id: concern.id }, body: { note: "Resolved on a mirror." } },
      "POST /api/v1/concerns/{id}/override": { params: { id: concern.id }, body: { reason: "Overridden on a mirror." } },
      "POST /api/v1/threads/{kind}/{id}/comments": { params: { kind: "release", id: release.id }, body: { body: "A comment on a mirror." } },
      "PATCH /api/v1/comments/{id}": { params: { id: comment.id }, body: { body: "Edited on a mirror." } },
      "DELETE /api/v1/comments/{id}": { params: { id: comment.id }, body: null },
      "POST /api/v1/comments/{id}/hide": { params: { id: comment.id }, body: { reason: "Hidden on a mirror." } },
      "POST /api/v1/comments/{id}/redact": { params: { id: comment.id }, body: { reason: "Redacted on a mirror." } },
      "POST /api/v1/spaces/{slug}/proposals": { params: { slug }, body: { title: "A mirror proposal", body: "Opened on a mirror." } },
      "POST /api/v1/proposals/{id}/release": { params: { id: proposal.id }, body: { releaseId: release.id } },
      "POST /api/v1/spaces/{slug}/webhooks": { params: { slug }, body: { url: "https://ci.example/hook", description: "A mirror's CI" } },
      "PATCH /api/v1/spaces/{slug}/webhooks/{webhookId}": { params: hook, body: { description: "Edited" } },
      "DELETE /api/v1/spaces/{slug}/webhooks/{webhookId}": { params: hook, body: null },
      "POST /api/v1/spaces/{slug}/webhooks/{webhookId}/rotate-secret": { params: hook, body: null },
      "POST /api/v1/spaces/{slug}/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver": { params: { ...hook, deliveryId: id("delivery") }, body: null },
      "PUT /api/v1/spaces/{slug}/watch": { params: { slug }, body: { watching: "watch" } },
    } satisfies Record<string, Case>);
  });
}, 180_000);

async function send(key: string): Promise<{ status: number; error?: { code: string; message: string } }> {
  const [method, apiPath] = key.split(" ") as [string, string];
  const { params, body } = cases[key]!;
  const file = path.resolve("app", ...apiPath.slice(1).split("/").map((s) => s.replace(/^\{(\w+)\}$/, "[$1]")), "route.ts");
  const handler = ((await import(file)) as Record<string, Handler>)[method]!;
  const url = `http://localhost:3000${apiPath.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(params[name]!))}`;
  const headers = { origin: "http://localhost:3000", ...(body ? { "content-type": "application/json" } : {}) };
  const response = await handler(new Request(url, { method, headers, body: body ? JSON.stringify(body) : undefined }), { params: Promise.resolve(params) });
  const answer = (await response.json()) as { error?: { code: string; message: string } };
  return { status: response.status, error: answer.error };
}

describe("a read-only mirror", () => {
  it("has a case for every write endpoint that acts in a space", () => {
    expect(Object.keys(cases).sort()).toEqual([...spaceWrites].sort());
  });

  it.each(spaceWrites)("%s: refused to the mirror's owner with the one mirror sentence, and nothing changes", async (key) => {
    await onDatabase(mirrorUrl, async () => {
      const { db } = await import("@/lib/db");
      const counts = () => Promise.all([db.governanceEvent.count(), db.membership.count(), db.release.count(), db.comment.count(), db.commentVersion.count(), db.recordText.count(), db.proposal.count(), db.concern.count(), db.webhookEndpoint.count(), db.watch.count()]);
      const before = await counts();
      session.actor = owner;
      const answer = await send(key).finally(() => (session.actor = null));
      expect(answer).toEqual({
        status: 403,
        error: { code: "MIRROR_READ_ONLY", message: "This space is a read-only mirror of https://origin.example/s/lumen: changes are made there, not here." },
      });
      expect(await counts()).toEqual(before);
    });
  });
});
