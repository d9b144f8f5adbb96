import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { ExportVerifier, parseReference, type OlderReference, type VerifyOutcome } from "@/lib/record/verify-export";
import { verifyStream } from "@/lib/record/verify-stream";
import { content, eventLine, exportOf, withReason } from "./export-fixture";

// A few megabytes, so that batches go to worker threads; some notes are multi-byte, so chunks split UTF-8 characters.
const events = Array.from({ length: 3000 }, (_, i) => content(i, `${i % 7 === 0 ? "Ünïcødé ✓ 🧪 " : ""}${"note ".repeat(80)}`));
const genuine = exportOf(events);
const at = 1234; // in the second megabyte: checked on a worker (the last megabyte is checked on this thread)

function chunks(lines: string[]): Buffer[] {
  const bytes = Buffer.from(`${lines.join("\n")}\n`);
  const out: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += 65_537) out.push(bytes.subarray(i, i + 65_537));
  return out;
}

async function verify(lines: string[], threads: number, older?: OlderReference): Promise<VerifyOutcome> {
  const verifier = new ExportVerifier({ older });
  await verifyStream(Readable.from(chunks(lines)), verifier, threads);
  return verifier.finish();
}

const replaceAt = (lines: string[], seq: number, ...replacement: string[]) => [...lines.slice(0, seq), ...replacement, ...lines.slice(seq + 1)];
const edited = (seq: number, edit: (line: Record<string, unknown>) => void) => {
  const line = JSON.parse(genuine[seq]!) as Record<string, unknown>;
  edit(line);
  return JSON.stringify(line);
};

// Each case hashes and verifies a multi-megabyte log, several times over: on a loaded 2-core machine
// that takes longer than the default 5 s.
describe("verifyStream", { timeout: 60_000 }, () => {
  it("verifies a multi-megabyte export on worker threads with the same outcome as on this thread", async () => {
    expect(genuine.join("\n").length).toBeGreaterThan(2 << 20);
    const threaded = await verify(genuine, 2);
    expect(threaded).toMatchObject({ ok: true, size: events.length });
    expect(await verify(genuine, 0)).toEqual(threaded);
  });

  it.each<[string, string[], RegExp]>([
    ["an edited event", replaceAt(genuine, at, edited(at, (l) => ((l.event as { data: { reason: string } }).data.reason = "edited"))), /event 1234 .*does not match its leaf hash/],
    ["a wrong receipt", replaceAt(genuine, at, edited(at, (l) => (l.hash = "0".repeat(64)))), /event 1234 .*does not match its receipt hash/],
    ["a removed event", replaceAt(genuine, at), /event 1234 is missing/],
    ["two swapped events", replaceAt(replaceAt(genuine, at, genuine[at + 1]!), at + 1, genuine[at]!), /event 1234 is missing: the next line is event 1235/],
    ["a line that is not JSON", replaceAt(genuine, at, genuine[at]!, "{nope"), /line after event 1234 is not JSON/],
    ["a checkpoint in the middle", replaceAt(genuine, at, genuine[at]!, genuine[genuine.length - 1]!), /content after the checkpoint line/],
  ])("names %s the same way on worker threads and on this thread", async (_name, lines, reason) => {
    const threaded = await verify(lines, 1);
    expect(threaded).toMatchObject({ ok: false, reason: expect.stringMatching(reason) });
    expect(await verify(lines, 0)).toEqual(threaded);
  });

  it("names an event outside the catalog, properly hashed and signed, the same way on worker threads", async () => {
    const bad = events.map((e, i) => (i === at ? { ...e, data: { choice: "+1", binding: "yes" } } : e));
    const lines = exportOf(bad);
    const threaded = await verify(lines, 2);
    expect(threaded).toMatchObject({ ok: false, seq: at, reason: expect.stringMatching(/event 1234 \(ballot\.cast .*\) does not match the event catalog: ballot\.cast v1: data\.binding: /) });
    expect(await verify(lines, 0)).toEqual(threaded);
  });

  it("accepts blank lines and CRLF line ends anywhere", async () => {
    const lines = replaceAt(genuine, at, "", `${genuine[at]!}\r`, "  ");
    expect(await verify(lines, 2)).toMatchObject({ ok: true, size: events.length });
  });

  it("names the first rewritten event against an older export, and checks an older checkpoint's root", async () => {
    const older = parseReference(exportOf(events.slice(0, 2500)).join("\n"));
    const olderCheckpoint = parseReference(exportOf(events.slice(0, 2500)).at(-1)!);
    if ("error" in older || "error" in olderCheckpoint) throw new Error("unparsed");
    expect(await verify(genuine, 2, older)).toMatchObject({ ok: true });
    const rewritten = events.map((e, i) => (i >= at ? withReason(e, `rewritten ${i}`) : e));
    const forged = exportOf(rewritten, { timestamp: "2026-11-25T00:00:00.000Z" });
    expect(forged[at]).not.toBe(eventLine(events[at]!, at));
    const threaded = await verify(forged, 2, older);
    expect(threaded).toMatchObject({ ok: false, seq: at, reason: expect.stringMatching(/event 1234 .*differs .*older export/) });
    expect(await verify(forged, 0, older)).toEqual(threaded);
    expect(await verify(forged, 2, olderCheckpoint)).toMatchObject({ ok: false, reason: expect.stringMatching(/first 2500 events do not produce the older checkpoint's root/) });
  });
});
