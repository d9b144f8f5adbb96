import fc from "fast-check";
import canonicalize from "canonicalize";
import { describe, expect, it } from "vitest";
import { canonicalEvent, sha256Hex, type EventContent } from "@/lib/record/canonical";
import { signCheckpoint } from "@/lib/record/checkpoint";
import { bytesToHex, hexToBytes, leafHash, rootFromLeafHashes } from "@/lib/record/merkle";
import { ExportVerifier, parseReference, type VerifyOutcome } from "@/lib/record/verify-export";
import { canonicalJson } from "@/lib/record/verify-line";
import { content, exportLines, exportOf, key, other, withReason } from "./export-fixture";

function run(lines: string[], options: ConstructorParameters<typeof ExportVerifier>[0] = {}): VerifyOutcome {
  const verifier = new ExportVerifier(options);
  for (const line of lines) if (!verifier.addLine(line)) break;
  return verifier.finish();
}

const editEvent = (line: string, edit: (e: Record<string, unknown>) => void) => {
  const value = JSON.parse(line) as { event: Record<string, unknown> };
  edit(value.event);
  return JSON.stringify(value);
};

describe("ExportVerifier", () => {
  it("accepts a genuine export and summarises it in one line", () => {
    const outcome = run(exportLines(13), { key: key.publicKeyRaw });
    expect(outcome).toMatchObject({ ok: true, size: 13 });
    expect(outcome.ok && outcome.summary).toMatch(/^OK: 13 events verified/);
  });

  it("accepts an empty line at the end and a PEM key", () => {
    expect(run([...exportLines(3), ""], { key: key.publicKeyPem }).ok).toBe(true);
  });

  it.each<[string, (lines: string[]) => string[], RegExp, number?]>([
    ["an edited event", (l) => l.map((x, i) => (i === 4 ? editEvent(x, (e) => ((e.data as { reason: string }).reason = "edited")) : x)), /event 4 .*does not match its leaf hash/, 4],
    ["a removed event", (l) => l.filter((_, i) => i !== 4), /event 4 is missing/, 4],
    ["two swapped events", (l) => [...l.slice(0, 3), l[4]!, l[3]!, ...l.slice(5)], /event 3/, 3],
    ["a duplicated event", (l) => [...l.slice(0, 4), l[3]!, ...l.slice(4)], /Expected event 4/, 4],
    ["a missing checkpoint line", (l) => l.slice(0, -1), /does not end with a signed checkpoint/],
    ["content after the checkpoint", (l) => [...l, l[0]!], /after the checkpoint/],
    ["a line that is not JSON", (l) => [l[0]!, "{nope", ...l.slice(1)], /not JSON/, 1],
  ])("rejects %s, naming the first bad event", (_name, corrupt, reason, seq) => {
    const outcome = run(corrupt(exportLines(8)));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.reason).toMatch(reason);
      if (seq !== undefined) expect(outcome.seq).toBe(seq);
    }
  });

  it.each<[string, (e: EventContent) => EventContent, RegExp]>([
    ["an unknown type", (e) => ({ ...e, type: "load.appended" }), /type 'load\.appended' is not in the event catalog/],
    ["data of the wrong shape", (e) => ({ ...e, data: { choice: 1, binding: true } }), /ballot\.cast v1: data\.choice: /],
    ["an unknown data field", (e) => ({ ...e, data: { ...e.data, weight: 2 } }), /ballot\.cast v1: data: .*weight/],
    ["a missing subject field", (e) => ({ ...e, subject: {} }), /ballot\.cast v1: subject\.decisionId: /],
    ["a version the catalog does not have", (e) => ({ ...e, typeVersion: 7 }), /ballot\.cast has no version 7 in the event catalog/],
    ["an unknown via", (e) => ({ ...e, via: "email" as never }), /via 'email' is not one of session, token, system/],
  ])("rejects %s, correctly hashed and signed, naming the event and what does not fit the catalog", (_name, spoil, detail) => {
    const events = Array.from({ length: 6 }, (_, i) => (i === 3 ? spoil(content(i)) : content(i)));
    const outcome = run(exportOf(events), { key: key.publicKeyRaw });
    expect(outcome).toMatchObject({ ok: false, seq: 3 });
    if (!outcome.ok) {
      expect(outcome.reason).toMatch(/^event 3 \(\S+ 00000000-0000-4000-8000-000000000003\) does not match the event catalog: /);
      expect(outcome.reason).toMatch(detail);
    }
  });

  it("accepts events that record their type version and how they came, and older ones without either", () => {
    const events = Array.from({ length: 4 }, (_, i) => (i % 2 ? { ...content(i), typeVersion: 1, via: "token" as const } : content(i)));
    expect(run(exportOf(events), { key: key.publicKeyRaw })).toMatchObject({ ok: true, size: 4 });
  });

  it("rejects a forged signature, a checkpoint from another key and a wrong pinned key", () => {
    const lines = exportLines(5);
    const last = JSON.parse(lines[4 + 1]!) as { checkpoint: { signature: string } };
    last.checkpoint.signature = Buffer.alloc(64, 1).toString("base64");
    expect(run([...lines.slice(0, -1), JSON.stringify(last)])).toMatchObject({ ok: false, reason: expect.stringMatching(/signature/) });
    expect(run(exportLines(5, { signWith: other }), { key: key.publicKeyRaw })).toMatchObject({ ok: false, reason: expect.stringMatching(/names key/) });
  });

  it("rejects leaves that were rehashed after signing (root mismatch)", () => {
    const lines = exportLines(6);
    const forged = JSON.parse(lines[2]!) as { leafHash: string; hash: string; event: Record<string, unknown> };
    (forged.event.data as { reason: string }).reason = "forged";
    const canonical = canonicalEvent(forged.event as unknown as EventContent);
    forged.leafHash = bytesToHex(leafHash(new TextEncoder().encode(canonical)));
    forged.hash = sha256Hex(canonical);
    // canonicalEvent adds v:1 itself; the line's event already has it.
    const outcome = run([...lines.slice(0, 2), JSON.stringify(forged), ...lines.slice(3)]);
    expect(outcome).toMatchObject({ ok: false, reason: expect.stringMatching(/the log was changed after it was signed/) });
  });

  it("checks consistency with an older checkpoint and with an older export", () => {
    const old = exportLines(5);
    const olderCheckpoint = parseReference(old[old.length - 1]!);
    const olderExport = parseReference(old.join("\n"));
    if ("error" in olderCheckpoint || "error" in olderExport) throw new Error("unparsed");
    expect(run(exportLines(9), { older: olderCheckpoint })).toMatchObject({ ok: true });
    // A rewritten history: every event from 2 on differs (fresh hashes, re-signed).
    const other9 = Array.from({ length: 9 }, (_, i) => (i < 2 ? content(i) : withReason(content(i), `rewritten ${i}`)));
    const leaves = other9.map((e) => bytesToHex(leafHash(new TextEncoder().encode(canonicalEvent(e)))));
    const forgedLines = other9.map((e, seq) => JSON.stringify({ seq, leafHash: leaves[seq], hash: sha256Hex(canonicalEvent(e)), event: { v: 1, ...e } }));
    const cp = { ...signCheckpoint({ origin: "commonweights/log/s1", size: 9, rootHash: bytesToHex(rootFromLeafHashes(leaves.map(hexToBytes))), timestamp: "2026-11-25T00:00:00.000Z" }, key.privateKeyPem), keyId: key.keyId };
    const forged = [...forgedLines, JSON.stringify({ checkpoint: cp, publicKey: key.publicKeyRaw })];
    expect(run(forged).ok).toBe(true); // internally consistent...
    expect(run(forged, { older: olderCheckpoint })).toMatchObject({ ok: false, reason: expect.stringMatching(/first 5 events do not produce the older checkpoint/) });
    expect(run(forged, { older: olderExport })).toMatchObject({ ok: false, seq: 2, reason: expect.stringMatching(/event 2 .*differs .*older export/) });
    // A log that shrank below the older checkpoint.
    expect(run(exportLines(3), { older: olderCheckpoint })).toMatchObject({ ok: false, reason: expect.stringMatching(/events were removed/) });
  });
});

describe("canonicalJson", () => {
  it("equals RFC 8785 canonicalize for any parsed JSON, sorted or not", () => {
    const keys = fc.oneof(fc.string(), fc.constantFrom("0", "1", "10", "9", "__proto__", "toJSON", "\uE000", "\u{1F600}", "é", "a", "B"));
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof({ depthSize: "small" }, fc.jsonValue({ maxDepth: 0 }), fc.array(tie("tree"), { maxLength: 4 }), fc.dictionary(keys, tie("tree"), { maxKeys: 6 })),
    }));
    fc.assert(
      fc.property(tree, (value) => {
        const parsed: unknown = JSON.parse(JSON.stringify(value));
        expect(canonicalJson(parsed)).toBe(canonicalize(parsed));
        const sorted: unknown = JSON.parse(canonicalize(parsed) as string);
        expect(canonicalJson(sorted)).toBe(canonicalize(parsed));
      }),
      { numRuns: 2000 },
    );
  });

  it("sorts what JSON.stringify would not: integer-like keys, UTF-16 order, nested objects", () => {
    const cases = ['{"b":1,"10":2,"9":3}', '{"\uE000":1,"\uD83D\uDE00":2}', '{"a":[{"z":1,"y":2}],"b":{"d":0,"c":-0}}', '{"v": 1, "at": "x"}'];
    for (const text of cases) expect(canonicalJson(JSON.parse(text))).toBe(canonicalize(JSON.parse(text)));
    expect(canonicalJson(JSON.parse('{"b":{"d":1e21,"c":0.1}}'))).toBe('{"b":{"c":0.1,"d":1e+21}}');
  });
});
