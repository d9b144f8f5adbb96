// The demo space's archive: exported in one snapshot, verified offline, and every kind of bad archive refused with one
// sentence naming the first problem.
import { beforeAll, describe, expect, it } from "vitest";
import { generateSigningKey, signCheckpoint } from "@/lib/record/checkpoint";
import { demoOrigin, scratchDatabases } from "@/test/integration/archive/second-instance";
import { archiveText, discussionSections, editRow, reseal, verdict, withoutSections } from "@/test/integration/archive/archive-support";
import { createSpace } from "@/lib/spaces/use-cases/create-space";
import { createUser, unique } from "@/test/support/factories";
import { moderateDemoThreads, type Moderated } from "@/test/integration/archive/demo-discussions";

let text: string;
let spaceId: string;
/** The same space's archive before its discussions were moderated (the redacted comment's text still in it). */
let earlier: string;
let moderated: Moderated;

const database = scratchDatabases("cw_archive_origin");

beforeAll(async () => {
  const exported = await demoOrigin(await database(), async () => null, async (ctx) => {
    const { archiveText: exportNow } = await import("@/test/integration/archive/archive-support");
    const before = await exportNow("lumen");
    return { before, ...(await moderateDemoThreads(ctx)) };
  });
  ({ text, spaceId } = exported);
  ({ before: earlier, ...moderated } = exported.prepared!);
}, 120_000);

const reason = async (archive: string, options = {}) => {
  const outcome = await verdict(archive, options);
  return outcome.ok ? "OK" : outcome.reason;
};

describe("the demo space's archive", () => {
  it("verifies: manifest, record, checkpoints and every row against its event", async () => {
    const outcome = await verdict(text);
    if (!outcome.ok) throw new Error(outcome.reason);
    expect(outcome.summary).toMatch(/^OK: archive of lumen \(format 2\) from https:\/\/origin\.example: manifest digests match, \d+ events verified/);
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
    const newer = [JSON.stringify({ ...(JSON.parse(header!) as object), version: 3 }), ...rest].join("\n");
    expect(await reason(newer)).toBe("The archive is format version 3; this instance reads versions up to 2.");
    expect(await reason('{"seq":0}\n')).toBe('The first line does not say format "commonweights-archive": this is not a Commonweights archive.');
    const unknown = text.replace('{"section":"keys"}', '{"section":"cosignatures"}');
    expect(await reason(unknown)).toBe("The archive has a section 'cosignatures' that format version 2 does not know.");
  });
});

type Row = Record<string, unknown>;
const rowsOf = (archive: string, section: string): Row[] => {
  const lines = archive.split("\n");
  const start = lines.indexOf(JSON.stringify({ section }));
  const rows: Row[] = [];
  for (let i = start + 1; start !== -1 && !lines[i]!.startsWith('{"section":'); i++) rows.push(JSON.parse(lines[i]!) as Row);
  return rows;
};
const indexOf = (archive: string, section: string, id: string) => rowsOf(archive, section).findIndex((r) => r.id === id);
/** The record line of an event, by its id. */
const recordLine = (archive: string, eventId: string) => archive.split("\n").find((l) => l.startsWith('{"seq":') && l.includes(`"id":"${eventId}"`))!;
const versionsOf = (commentId: string) => rowsOf(text, "comment_versions").filter((v) => v.commentId === commentId);

describe("the discussions in an archive", () => {
  it("are rows for every proposal, concern, comment and version, the texts only where the origin still holds them", async () => {
    const outcome = await verdict(text);
    if (!outcome.ok) throw new Error(outcome.reason);
    const { proposals, concerns, comments, comment_versions: versions } = outcome.rows;
    expect([proposals.length, concerns.length]).toEqual([1, 1]);
    expect(comments.length).toBeGreaterThan(10);
    expect(versions.length).toBe(comments.length + 1);
    expect(versions.filter((v) => v.commentId === moderated.edited).map((v) => v.version)).toEqual([1, 2]);
    const redacted = comments.find((c) => c.id === moderated.redacted)!;
    expect(redacted).toMatchObject({ state: "hidden", redactedAt: expect.any(Date), redactionReason: "Spam from a compromised account: the link is malicious" });
    expect(comments.find((c) => c.id === moderated.deleted)).toMatchObject({ state: "deleted", mentions: [] });
    // No row holds a text; the record carries each live version's text, and none of an erased comment's.
    for (const c of rowsOf(text, "comments")) expect(Object.keys(c)).not.toContain("body");
    for (const v of [...versionsOf(moderated.redacted), ...versionsOf(moderated.deleted)]) expect(recordLine(text, String(v.eventId))).not.toContain('"text":');
    for (const v of versionsOf(moderated.edited)) expect(recordLine(text, String(v.eventId))).toContain('"text":{"body":');
  });

  it("a tampered comment row, even with a recomputed manifest", async () => {
    const at = indexOf(text, "comments", moderated.edited);
    const stranger = rowsOf(text, "people").find((p) => p.id !== rowsOf(text, "comments")[at]!.authorId)!.id;
    expect(await reason(reseal(editRow(text, "comments", (c) => ({ ...c, authorId: stranger }), at)))).toBe(`Comment ${moderated.edited} has another thread, reply or author than its comment.posted event.`);
    expect(await reason(reseal(editRow(text, "comments", (c) => ({ ...c, state: "visible" }), indexOf(text, "comments", moderated.deleted))))).toBe(
      `Comment ${moderated.deleted} is visible, but the record says deleted.`,
    );
    const version = indexOf(text, "comment_versions", String(versionsOf(moderated.edited)[1]!.id));
    const otherEvent = versionsOf(moderated.deleted)[0]!.eventId;
    expect(await reason(reseal(editRow(text, "comment_versions", (v) => ({ ...v, eventId: otherEvent }), version)))).toBe(
      `Comment ${moderated.edited}'s versions are not its comment.posted and comment.edited events in the record.`,
    );
    // A comment the record has cannot be left out of the copy (its row and its version's row both taken out).
    const gone = new Set([JSON.stringify(rowsOf(text, "comments")[indexOf(text, "comments", moderated.deleted)]), ...versionsOf(moderated.deleted).map((v) => JSON.stringify(v))]);
    const withoutIt = reseal(text.split("\n").filter((l) => !gone.has(l)).join("\n"));
    expect(text.split("\n").length - withoutIt.split("\n").length).toBe(2);
    expect(await reason(withoutIt)).toBe(`The record has comment.posted for comment ${moderated.deleted}, but the archive has no row for it.`);
  });

  it("a comment whose text was altered in the record", async () => {
    const eventId = String(versionsOf(moderated.edited)[1]!.eventId);
    const line = recordLine(text, eventId);
    const altered = line.replace("Q4_K_M", "Q8_0");
    expect(altered).not.toBe(line);
    const refused = await reason(reseal(text.replace(line, altered)));
    expect(refused).toMatch(new RegExp(`^The record does not verify: event \\d+ \\(comment\\.edited ${eventId}\\) carries a text that does not match the commitment in the event: the text was changed after it was recorded\\.$`));
  });

  it("a redacted comment given its text back, from a copy made before the redaction, or marked unredacted", async () => {
    const eventId = String(versionsOf(moderated.redacted)[0]!.eventId);
    const old = recordLine(earlier, eventId);
    const textPart = old.slice(old.indexOf(',"text":'), -1);
    expect(textPart).toContain("Cheap GPU credits");
    const now = recordLine(text, eventId);
    const givenBack = reseal(text.replace(now, `${now.slice(0, -1)}${textPart}}`));
    const day = new Date().toISOString().slice(0, 10);
    expect(await reason(givenBack)).toBe(`Comment ${moderated.redacted} was redacted on ${day}, yet the archive's record carries the text of its version 1: an erased text must stay erased.`);
    const at = indexOf(text, "comments", moderated.redacted);
    const unredacted = reseal(editRow(text, "comments", (c) => ({ ...c, redactedAt: null, redactedById: null, redactionReason: null }), at));
    expect(await reason(unredacted)).toBe(`Comment ${moderated.redacted} is not redacted, but the record's comment.redacted event redacted it on ${day}.`);
    // A row cannot carry a text either: the schema has no place for one.
    expect(await reason(reseal(editRow(text, "comments", (c) => ({ ...c, body: "Cheap GPU credits" }), at)))).toMatch(/^Row \d+ of section comments is malformed \(row: Unrecognized key: "body"\)\.$/);
  });

  it("a tampered proposal or concern", async () => {
    expect(await reason(reseal(editRow(text, "proposals", (p) => ({ ...p, title: "Relicense everything" }))))).toMatch(/^Proposal \S+ \(Relicense everything\) has another title or author than its proposal\.opened event\.$/);
    expect(await reason(reseal(editRow(text, "proposals", (p) => ({ ...p, decisionId: null }))))).toMatch(/^Proposal \S+ \(.+\) is linked to another decision or release than its proposal\.linked events say\.$/);
    expect(await reason(reseal(editRow(text, "concerns", (c) => ({ ...c, status: "open", closedById: null, closedAt: null, closeNote: null }))))).toMatch(
      /^Concern \S+ \(Eval set leaks into training data\) is open, but the record's last concern event for it says resolved\.$/,
    );
    expect(await reason(reseal(editRow(text, "concerns", (c) => ({ ...c, body: `${String(c.body)} (and more)` }))))).toMatch(/^Concern \S+ \(.+\)'s text differs from its concern\.raised event\.$/);
  });

  it("an older archive (format 1, without discussion sections) still verifies; a section its version does not know is refused", async () => {
    const older = withoutSections(text, discussionSections, 1);
    const outcome = await verdict(older);
    if (!outcome.ok) throw new Error(outcome.reason);
    expect(outcome.summary).toMatch(/^OK: archive of lumen \(format 1\)/);
    expect(outcome.rows.comments).toEqual([]);
    expect(await reason(withoutSections(text, [], 1))).toBe("The archive has a section 'proposals' that format version 1 does not know.");
    // From version 2 on, leaving the discussions out is not allowed.
    expect(await reason(withoutSections(text, discussionSections, 2))).toMatch(/^The record has proposal\.opened for proposal \S+, but the archive has no row for it\.$/);
  });
});
