import { describe, it, expect } from "vitest";
import { generateKeyPairSync } from "node:crypto";
import { checkpointNoteBody, COSIGNATURE_V1, ED25519, formatNote, formatVkey, rawEd25519PublicKey, signNoteBody } from "@/lib/record/note";
import { configuredWitnesses, parseWitnesses, type Witness } from "@/lib/record/witness/config";
import { cosignBody } from "@/lib/record/witness/cosignature";
import { checkWitnesses } from "@/lib/record/witness/policy";
import { addCheckpointRequest, parseTlogSize, readCosignatures } from "@/lib/record/witness/protocol";
import { checkEnv } from "@/lib/env";
import { newLogOrigin, originHost, originHostProblem } from "@/lib/record/origin";

function witnessKey(name: string) {
  const { privateKey } = generateKeyPairSync("ed25519");
  return { name, privateKey, vkey: formatVkey(name, rawEd25519PublicKey(privateKey), COSIGNATURE_V1) };
}

const w1 = witnessKey("witness.example/w1");
const w2 = witnessKey("witness.example/w2");

function listOf(text: string, requireUrl = true): Witness[] {
  const parsed = parseWitnesses(text, { requireUrl });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.witnesses;
}

describe("witness configuration", () => {
  it("reads vkey and URL per line or per ';', with comments and blank lines", () => {
    const list = listOf(`# ours\n${w1.vkey} https://w1.example/\n\n${w2.vkey} http://127.0.0.1:7380 # local`);
    expect(list.map((w) => [w.name, w.url])).toEqual([["witness.example/w1", "https://w1.example"], ["witness.example/w2", "http://127.0.0.1:7380"]]);
    expect(listOf(`${w1.vkey} https://a.example;${w2.vkey} https://b.example`)).toHaveLength(2);
    expect(listOf("")).toEqual([]);
  });

  it.each([
    ["a note-signature (0x01) key", () => `${formatVkey("w", rawEd25519PublicKey(w1.privateKey), ED25519)} https://w.example`, /not a cosignature\/v1 key/],
    ["a missing URL", () => w1.vkey, /Witness entry 1 has no submission URL/],
    ["a URL of another scheme", () => `${w1.vkey} ftp://w.example`, /must start with http/],
    ["extra words", () => `${w1.vkey} https://w.example extra`, /more than a vkey and a URL/],
    ["a repeated witness", () => `${w1.vkey} https://a.example\n${w1.vkey} https://b.example`, /Witness entry 2 repeats/],
    ["a broken vkey", () => "w+00000000+AAAA https://w.example", /Witness entry 1: /],
  ])("refuses %s, naming the entry", (_name, text, message) => {
    const parsed = parseWitnesses(text());
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toMatch(message);
  });

  it("is checked with the rest of the environment at start", () => {
    expect(checkEnv({ CW_WITNESSES: `${w1.vkey} https://w.example` }).ok).toBe(true);
    const bad = checkEnv({ CW_WITNESSES: w1.vkey });
    expect(!bad.ok && bad.problems).toEqual(["CW_WITNESSES is not a usable witness list: Witness entry 1 has no submission URL."]);
    const missing = checkEnv({ CW_WITNESSES_FILE: "/nonexistent/witnesses.txt" });
    expect(!missing.ok && missing.problems[0]).toMatch(/^CW_WITNESSES_FILE is not a usable witness list: .*cannot be read/);
  });

  it("lets the verifier's file leave the URL out", () => {
    expect(listOf(w1.vkey, false)).toEqual([expect.objectContaining({ name: "witness.example/w1", url: null })]);
  });

  it("reports an unreadable CW_WITNESSES_FILE instead of throwing", () => {
    expect(configuredWitnesses({ CW_WITNESSES_FILE: "/nonexistent/witnesses.txt" })).toMatchObject({ ok: false, error: expect.stringMatching(/cannot be read/) });
    expect(configuredWitnesses({ CW_WITNESSES: `${w1.vkey} https://w.example` })).toMatchObject({ ok: true });
  });
});

describe("the tlog-witness request and answers", () => {
  const body = checkpointNoteBody({ origin: "gov.example/s/lumen", size: 5, rootHash: "cd".repeat(32) });
  const { privateKey: logKey } = generateKeyPairSync("ed25519");
  const note = formatNote(body, [signNoteBody(body, "gov.example/s/lumen", logKey)]);

  it("is 'old N', base64 proof lines, a blank line and the note", () => {
    expect(addCheckpointRequest(3, ["00".repeat(32), "ff".repeat(32)], note)).toBe(
      `old 3\n${Buffer.alloc(32).toString("base64")}\n${Buffer.alloc(32, 0xff).toString("base64")}\n\n${note}`,
    );
    expect(addCheckpointRequest(0, [], note)).toBe(`old 0\n\n${note}`);
    expect(() => addCheckpointRequest(1, Array(64).fill("00".repeat(32)), note)).toThrow(RangeError);
  });

  it.each<[string | null, string, number | null]>([
    ["text/x.tlog.size", "12\n", 12],
    ["text/x.tlog.size; charset=utf-8", "0\n", 0],
    ["text/plain", "12\n", null],
    ["text/x.tlog.size", "12", null],
    ["text/x.tlog.size", "012\n", null],
    ["text/x.tlog.size", "-1\n", null],
    [null, "12\n", null],
  ])("reads a 409 body (%s, %j) as %s", (type, text, size) => {
    expect(parseTlogSize(type, text)).toBe(size);
  });

  it("keeps the witness's valid cosignatures, ignores other keys' lines, and refuses a forged one", () => {
    const [witness] = listOf(`${w1.vkey} https://w1.example`);
    const line = cosignBody(body, w1.name, w1.privateKey, 1_700_000_000);
    const other = cosignBody(body, w2.name, w2.privateKey, 1_700_000_000);
    expect(readCosignatures(body, `${other}${line}`, witness!)).toEqual([{ line, keyId: witness!.vkey.keyId, time: 1_700_000_000 }]);
    expect(readCosignatures(body, other, witness!)).toEqual({ error: "no cosignature by the witness's key in the answer" });
    const forged = cosignBody(body.replace("\n5\n", "\n6\n"), w1.name, w1.privateKey, 1_700_000_000);
    expect(readCosignatures(body, forged, witness!)).toEqual({ error: "a cosignature by the witness's key does not verify" });
    expect(readCosignatures(body, "not a signature line\n", witness!)).toHaveProperty("error");
    expect(readCosignatures(body, "x".repeat(70_000), witness!)).toHaveProperty("error");
  });

  it("counts distinct trusted cosigners against the policy, after checking the note is the log's and the checkpoint's", () => {
    const witnesses = listOf(`${w1.vkey}\n${w2.vkey}`, false);
    const cosigned = formatNote(body, [signNoteBody(body, "gov.example/s/lumen", logKey), cosignBody(body, w1.name, w1.privateKey, 1)]);
    const publicKey = rawEd25519PublicKey(logKey).toString("base64");
    const cp = { size: 5, rootHash: "cd".repeat(32), note: cosigned };
    expect(checkWitnesses(cp, publicKey, witnesses, 1)).toEqual({ ok: true, summary: "Checkpoint cosigned by 1 of 2 witnesses (witness.example/w1), meeting the policy of 1.", cosigners: [w1.name] });
    expect(checkWitnesses(cp, publicKey, witnesses, 2)).toEqual({ ok: false, reason: "The checkpoint is cosigned by 1 of 2 witnesses (witness.example/w1); the policy needs 2." });
    expect(checkWitnesses({ ...cp, size: 6 }, publicKey, witnesses, 0)).toMatchObject({ ok: false, reason: expect.stringMatching(/not the signed checkpoint's 6/) });
    const stranger = rawEd25519PublicKey(generateKeyPairSync("ed25519").privateKey).toString("base64");
    expect(checkWitnesses(cp, stranger, witnesses, 0)).toMatchObject({ ok: false, reason: expect.stringMatching(/not signed by the log's key/) });
    expect(checkWitnesses({ size: 5, rootHash: cp.rootHash }, publicKey, witnesses, 0)).toMatchObject({ ok: false });
  });
});

describe("log origins", () => {
  it("come from CW_ORIGIN_HOST, else AUTH_URL's host, else localhost", () => {
    expect(originHost({ CW_ORIGIN_HOST: "gov.example.org/", AUTH_URL: "https://other.example" })).toBe("gov.example.org");
    expect(originHost({ AUTH_URL: "https://gov.example.org:8443/app" })).toBe("gov.example.org:8443");
    expect(originHost({})).toBe("localhost");
    expect(newLogOrigin("lumen", "gov.example.org")).toBe("gov.example.org/s/lumen");
    expect(newLogOrigin(null, "gov.example.org")).toBe("gov.example.org");
  });

  it.each(["https://gov.example.org", "gov example", "gov+example", ""])("refuses CW_ORIGIN_HOST %j at start", (value) => {
    if (value) expect(originHostProblem(value)).not.toBeNull();
    const checked = checkEnv({ CW_ORIGIN_HOST: value || "a\u0001b" });
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.problems[0]).toMatch(/^CW_ORIGIN_HOST must be/);
  });
});
