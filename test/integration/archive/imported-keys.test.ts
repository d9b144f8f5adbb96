// Whose key is whose after an import: /.well-known lists this instance's own keys as its keys and an origin's key as
// that origin's; a mirror's log vkey is its origin's key under the origin's name; a fork signs its own continuation
// with this instance's key under an origin of its own. Three instances, each on its own database and host name.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { apiGet, oneBuffer, onDatabase, scratchDatabases } from "@/test/integration/archive/second-instance";

// Anonymous readers throughout: Auth.js's auth() needs Next's request scope, which Vitest has not.
vi.mock("@/lib/auth/session", () => ({ currentActor: async () => null, requireActor: async () => null }));

const database = scratchDatabases("cw_keys");
const savedHost = process.env.CW_ORIGIN_HOST;
/** One instance: its database and its C2SP host name. */
async function asInstance<T>(url: string, host: string, fn: () => Promise<T>): Promise<T> {
  process.env.CW_ORIGIN_HOST = host;
  try {
    return await onDatabase(url, fn);
  } finally {
    process.env.CW_ORIGIN_HOST = savedHost;
  }
}

type WellKnown = { keyId: string; keys: Array<{ keyId: string }>; originKeys: Array<{ keyId: string; publicKey: string; origin: string; spaces: string[] }> };
const wellKnown = async () => (await apiGet("/.well-known/commonweights.json", {})).body as WellKnown;
const vkeyOf = async (slug: string) => apiGet("/s/[slug]/checkpoint.vkey", { slug });

let text: string;
let slug: string;
let originKey: { keyId: string; publicKey: string };
let originVkey: string;

beforeAll(async () => {
  ({ text, slug, originKey, originVkey } = await asInstance(await database(), "origin.example", async () => {
    const { db } = await import("@/lib/db");
    const { createSpace } = await import("@/lib/spaces/use-cases/create-space");
    const { unique } = await import("@/test/support/factories");
    const { archiveText } = await import("@/test/integration/archive/archive-support");
    const { sequenceLog } = await import("@/lib/record/sequencer");
    const owner = await db.user.create({ data: { name: "Ama", email: `${unique("ama")}@example.test` } });
    const slug = unique("keyed");
    const created = await createSpace({ id: owner.id, name: owner.name, email: owner.email }, { slug, name: "Keyed", description: "", visibility: "public", homepageUrl: null, sourceUrl: null, hfOrg: null });
    if (!created.ok) throw new Error(created.error.message);
    await sequenceLog((await db.space.findUniqueOrThrow({ where: { slug } })).id, { wait: true });
    const known = await wellKnown();
    const vkey = await vkeyOf(slug);
    expect(vkey.status).toBe(200);
    return { text: await archiveText(slug), slug, originKey: { keyId: known.keyId, publicKey: (await db.signingKey.findUniqueOrThrow({ where: { keyId: known.keyId } })).publicKey }, originVkey: String(vkey.body).trim() };
  }));
}, 120_000);

describe("keys after an import", () => {
  it("a mirror shows the origin's key as the origin's, and serves the origin's vkey for the mirrored log", async () => {
    await asInstance(await database(), "mirror.example", async () => {
      const { importArchive } = await import("@/lib/archive/import/import-archive");
      const imported = await importArchive(() => oneBuffer(text), { mode: "mirror" });
      if (!imported.ok) throw new Error(imported.error.message);
      const known = await wellKnown();
      expect(known.keyId).not.toBe(originKey.keyId);
      expect(known.keys.map((k) => k.keyId)).toEqual([known.keyId]);
      expect(known.originKeys).toEqual([{ keyId: originKey.keyId, publicKey: originKey.publicKey, algorithm: "Ed25519", origin: "https://origin.example", spaces: [slug] }]);
      expect(originVkey.startsWith(`origin.example/s/${slug}+`)).toBe(true);
      expect(await vkeyOf(slug)).toEqual({ status: 200, body: `${originVkey}\n` });
      // Its checkpoint note is the origin's as it was signed there.
      const note = String((await apiGet("/s/[slug]/checkpoint", { slug })).body);
      expect(note.startsWith(`origin.example/s/${slug}\n`)).toBe(true);
    });
  });

  it("a fork signs its own continuation with this instance's key, under its own origin", async () => {
    await asInstance(await database(), "fork.example", async () => {
      const { importArchive } = await import("@/lib/archive/import/import-archive");
      const imported = await importArchive(() => oneBuffer(text), { mode: "fork" });
      if (!imported.ok) throw new Error(imported.error.message);
      const { sequenceLog } = await import("@/lib/record/sequencer");
      await sequenceLog(imported.data.spaceId, { wait: true });
      const known = await wellKnown();
      expect(known.keys.map((k) => k.keyId)).toEqual([known.keyId]);
      expect(known.originKeys.map((k) => [k.keyId, k.origin, k.spaces])).toEqual([[originKey.keyId, "https://origin.example", [slug]]]);
      const { db } = await import("@/lib/db");
      const latest = await db.checkpoint.findFirstOrThrow({ where: { logId: imported.data.spaceId }, orderBy: { size: "desc" } });
      expect([latest.size, latest.keyId, latest.origin]).toEqual([imported.data.checkpointSize + 1, known.keyId, `fork.example/s/${slug}`]);
      const vkey = await vkeyOf(slug);
      expect(vkey.status).toBe(200);
      expect(String(vkey.body).startsWith(`fork.example/s/${slug}+`)).toBe(true);
      expect(vkey.body).not.toBe(`${originVkey}\n`);
      const note = String((await apiGet("/s/[slug]/checkpoint", { slug })).body);
      expect(note.startsWith(`fork.example/s/${slug}\n${imported.data.checkpointSize + 1}\n`)).toBe(true);
    });
  });
});
