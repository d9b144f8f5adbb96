// The demo space's archive: exported in one snapshot, verified offline, and every kind of bad archive refused with one
// sentence naming the first problem.
import { beforeAll, describe, expect, it } from "vitest";
import { generateSigningKey, signCheckpoint } from "@/lib/record/checkpoint";
import { demoOrigin, scratchDatabases } from "@/test/integration/archive/second-instance";
import { archiveText, editRow, reseal, verdict } from "@/test/integration/archive/archive-support";
import { createSpace } from "@/lib/spaces/use-cases/create-space";
import { createUser, unique } from "@/test/support/factories";

let text: string;
let spaceId: string;

const database = scratchDatabases("cw_archive_origin");

beforeAll(async () => {
  ({ text, spaceId } = await demoOrigin(await database(), async () => null));
}, 120_000);

const reason = async (archive: string, options = {}) => {
  const outcome = await verdict(archive, options);
  return outcome.ok ? "OK" : outcome.reason;
};

describe("the demo space's archive", () => {
  it("verifies: manifest, record, checkpoints and every row against its event", async () => {
    const outcome = await verdict(text);
    if (!outcome.ok) throw new Error(outcome.reason);
    expect(outcome.summary).toMatch(/^OK: archive of lumen \(format 1\) from https:\/\/origin\.example: manifest digests match, \d+ events verified/);
    expect(outcome.rows.space[0]!.id).toBe(spaceId);
    expect(outcome.rows.releases.map((r) => `${r.modelName}@${r.version}`).sort()).toEqual(["lumen-13b@0.9", "lumen-7b@1.0", "lumen-7b@1.1", "lumen-7b@2.0"]);
    expect(outcome.rows.decisions.length).toBeGreaterThan(0);
    expect(outcome.rows.ballots.length).toBeGreaterThan(0);
    expect(outcome.rows.findings.length).toBeGreaterThan(0);
    expect(outcome.checkpoint.size).toBe(text.split("\n").filter((l) => l.startsWith('{"seq":')).length);
    // The record's checks on worker threads (npm run verify, the admin import) reach the same verdict.
    const threaded = await verdict(text, { threads: 2 });
    if (!threaded.ok) throw new Error(threaded.reason);
    expect(threaded.summary).toBe(outcome.summary);
    expect(threaded.rows).toEqual(outcome.rows);
  });

  it("holds no e-mails, tokens, sessions or secrets", () => {
    expect(text).not.toMatch(/@example\.|email|sessionToken|tokenHash|privateKey|PRIVATE KEY/i);
    const people = text.split("\n").filter((l) => l.includes('"identities"'));
    expect(people.length).toBeGreaterThan(3);
    for (const line of people) expect(Object.keys(JSON.parse(line) as object).sort()).toEqual(["id", "identities", "name"]);
  });

  it("answers a private space's archive to non-members as a missing space", async () => {
    const owner = { id: (await createUser()).id, name: "Owner", email: null };
    const created = await createSpace(owner, { slug: unique("hidden"), name: "Hidden", description: "", visibility: "private", homepageUrl: null, sourceUrl: null, hfOrg: null });
    if (!created.ok) throw new Error(created.error.message);
    const hidden = created.data;
    const stranger = { id: (await createUser()).id, name: "Stranger", email: null };
    await expect(archiveText(hidden.slug, stranger)).rejects.toMatchObject({ code: "NOT_FOUND", message: "No such space." });
    await expect(archiveText("no-such-space", stranger)).rejects.toMatchObject({ code: "NOT_FOUND", message: "No such space." });
    expect(await reason(await archiveText(hidden.slug, owner))).toBe("OK");
  });
});

describe("a bad archive is refused with the first problem", () => {
  it("too large", async () => {
    expect(await reason(text, { maxBytes: 10_000 })).toBe("The archive is larger than the 10,000 bytes this instance accepts (CW_ARCHIVE_MAX_BYTES).");
  });

  it("truncated, anywhere", async () => {
    expect(await reason(text.slice(0, Math.floor(text.length / 2)))).toMatch(/^The archive ends before its manifest \(truncated\?\)\.$|is malformed|not valid JSON|is not JSON\./);
    const withoutManifest = text.split("\n").slice(0, -2).join("\n");
    expect(await reason(withoutManifest)).toBe("The archive ends before its manifest (truncated?).");
    expect(await reason("")).toBe("The archive is empty.");
  });

  it("an edited row, with the manifest left alone", async () => {
    expect(await reason(editRow(text, "releases", (r) => ({ ...r, summary: "edited" })))).toMatch(/^Section releases does not match the manifest's digest/);
  });

  it("a row that does not match its event, even with a recomputed manifest", async () => {
    const edited = reseal(editRow(text, "releases", (r) => ({ ...r, status: r.status === "published" ? "yanked" : "published" })));
    expect(await reason(edited)).toMatch(/^Release \S+ \(lumen-\S+ \S+\) has status \w+, but the record's last status event for it says \w+\.$/);
    const ballot = reseal(editRow(text, "ballots", (b) => ({ ...b, choice: b.choice === "-1" ? "+1" : "-1" })));
    expect(await reason(ballot)).toMatch(/^The ballot of \S+ on decision \S+ says something other than its ballot\.cast event\.$/);
    const member = reseal(editRow(text, "members", (m) => ({ ...m, role: m.role === "owner" ? "member" : "owner" })));
    expect(await reason(member)).toMatch(/^Member \S+ is \w+, but the record's last membership event for them says \w+\.$/);
    const extra = reseal(editRow(text, "findings", (f) => ({ ...f, status: f.status === "verified" ? "open" : "verified" })));
    expect(await reason(extra)).toMatch(/^Finding \S+ is \w+, but the record's last finding\.transitioned event for it says \w+\.$/);
  });

  it("a checkpoint signed by another key", async () => {
    const other = generateSigningKey();
    const forged = reseal(
      editRow(text, "checkpoints", (cp) => {
        const signed = signCheckpoint({ origin: `commonweights/log/${spaceId}`, size: cp.size as number, rootHash: cp.rootHash as string, timestamp: cp.timestamp as string }, other.privateKeyPem);
        return { ...cp, signature: signed.signature };
      }),
    );
    expect(await reason(forged)).toMatch(/^The checkpoint of size \d+ is not signed by key [0-9a-f]{16} \(a signature by another key, or an altered checkpoint\)\.$/);
    // And pinned to another key, the genuine archive is refused too.
    expect(await reason(text, { key: other.publicKeyRaw })).toMatch(/^The checkpoint of size \d+ is signed by key [0-9a-f]{16}, not by the given key\.$/);
  });

  it("an edited event in the record", async () => {
    const lines = text.split("\n");
    const at = lines.findIndex((l) => l.includes('"type":"ballot.cast"'));
    lines[at] = lines[at]!.replace(/"binding": ?(true|false)/, (_m, value) => `"binding": ${value === "true" ? "false" : "true"}`);
    const refused = await reason(reseal(lines.join("\n")));
    expect(refused).toMatch(/^The record does not verify: event \d+ \(ballot\.cast [0-9a-f-]{36}\) does not match its leaf hash: its content was changed after it was recorded\.$/);
    expect(await reason(reseal(lines.join("\n")), { threads: 2 })).toBe(refused);
  });

  it("a newer format version, or something else entirely", async () => {
    const [header, ...rest] = text.split("\n");
    const newer = [JSON.stringify({ ...(JSON.parse(header!) as object), version: 2 }), ...rest].join("\n");
    expect(await reason(newer)).toBe("The archive is format version 2; this instance reads versions up to 1.");
    expect(await reason('{"seq":0}\n')).toBe('The first line does not say format "commonweights-archive": this is not a Commonweights archive.');
    const unknown = text.replace('{"section":"keys"}', '{"section":"cosignatures"}');
    expect(await reason(unknown)).toBe("The archive has a section 'cosignatures' that format version 1 does not know.");
  });
});
