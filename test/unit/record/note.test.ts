import { describe, it, expect } from "vitest";
import { createHash, generateKeyPairSync } from "node:crypto";
import {
  checkpointNoteBody,
  COSIGNATURE_V1,
  ED25519,
  ed25519PrivateKeyFromSeed,
  formatNote,
  formatVkey,
  noteKeyId,
  parseCheckpointNoteBody,
  parseNote,
  parseVkey,
  rawEd25519PublicKey,
  signNoteBody,
  verifyNoteSignature,
  type Vkey,
} from "@/lib/record/note";
import { cosignBody, verifyCosignature } from "@/lib/record/witness/cosignature";

// The example key and note of golang.org/x/mod/sumdb/note's package documentation (an independent implementation).
const goSkey = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
const goVkey = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
const goText = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const goSignature = "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
const goPrivate = ed25519PrivateKeyFromSeed(Buffer.from(goSkey.split("+").slice(4).join("+"), "base64").subarray(1));

const vkeyOf = (text: string): Vkey => {
  const parsed = parseVkey(text);
  if ("error" in parsed) throw new Error(parsed.error);
  return parsed;
};

describe("note keys (Go's sumdb/note vectors)", () => {
  it("derives the documented vkey and key ID from the documented private key", () => {
    const raw = rawEd25519PublicKey(goPrivate);
    expect(formatVkey("PeterNeumann", raw)).toBe(goVkey);
    expect(noteKeyId("PeterNeumann", ED25519, raw).toString("hex")).toBe("c74f20a3");
    // The key ID is SHA-256(name || "\n" || 0x01 || key)[:4], spelled out.
    const manual = createHash("sha256").update(Buffer.concat([Buffer.from("PeterNeumann\n"), Buffer.from([1]), raw])).digest();
    expect(manual.subarray(0, 4).toString("hex")).toBe("c74f20a3");
  });

  it("produces the documented signature line (Ed25519 is deterministic) and verifies it", () => {
    expect(signNoteBody(goText, "PeterNeumann", goPrivate)).toBe(goSignature);
    const note = parseNote(formatNote(goText, [goSignature]));
    if ("error" in note) throw new Error(note.error);
    expect(note.body).toBe(goText);
    expect(verifyNoteSignature(note.body, note.signatures[0]!, vkeyOf(goVkey))).toBe(true);
    expect(verifyNoteSignature(note.body.replace("answer", "Answer"), note.signatures[0]!, vkeyOf(goVkey))).toBe(false);
  });

  it.each([
    ["Go's wrong-length key", "PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY=="],
    ["Go's unknown algorithm", "PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"],
    ["a key ID that does not match", "PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"],
    ["a name with a space", "Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"],
    ["two parts", "PeterNeumann+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"],
    ["non-canonical base64", "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TX"],
  ])("refuses a vkey with %s", (_name, text) => {
    expect(parseVkey(text)).toHaveProperty("error");
  });
});

describe("checkpoint note bodies", () => {
  const head = { origin: "governance.example/s/lumen", size: 1042, rootHash: "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328" };

  it("is origin, decimal size and base64 root, each ending in a newline", () => {
    expect(checkpointNoteBody(head)).toBe("governance.example/s/lumen\n1042\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n");
    expect(parseCheckpointNoteBody(checkpointNoteBody(head))).toEqual(head);
  });

  it("reads Go's tree note, whose root is RecordHash(\"hello world\") = SHA-256(0x00 || data)", () => {
    const parsed = parseCheckpointNoteBody("go.sum database tree\n123456789012\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n");
    const leaf = createHash("sha256").update(Buffer.concat([Buffer.from([0]), Buffer.from("hello world")])).digest("hex");
    expect(parsed).toEqual({ origin: "go.sum database tree", size: 123456789012, rootHash: leaf });
  });

  it.each([
    ["a leading zero", "o\n012\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n"],
    ["a hex size", "o\n0xabcdef\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n"],
    ["a short root", "o\n1\nXcnaeacGWamtVZy3Ad7Zoqud\n"],
    ["no final newline", "o\n1\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg="],
    ["an empty extension line", "o\n1\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n\nx\n"],
  ])("refuses %s", (_name, body) => {
    expect(parseCheckpointNoteBody(body)).toHaveProperty("error");
  });

  it("refuses to build a body whose origin could forge lines", () => {
    expect(() => checkpointNoteBody({ ...head, origin: "a\n1\nforged" })).toThrow(RangeError);
    expect(() => checkpointNoteBody({ ...head, origin: "a+b" })).toThrow(RangeError);
  });

  it("refuses malformed signature lines and notes without signatures", () => {
    const body = checkpointNoteBody(head);
    expect(parseNote(`${body}\n`)).toHaveProperty("error");
    expect(parseNote(`${body}\n- name AAAAAAAA\n`)).toHaveProperty("error");
    expect(parseNote(`${body}\n\u2014 name not*base64\n`)).toHaveProperty("error");
    expect(parseNote(body)).toHaveProperty("error");
  });
});

describe("cosignature/v1", () => {
  const body = checkpointNoteBody({ origin: "governance.example/s/lumen", size: 7, rootHash: "ab".repeat(32) });
  const { privateKey } = generateKeyPairSync("ed25519");
  const raw = rawEd25519PublicKey(privateKey);
  const vkey = vkeyOf(formatVkey("witness.example/w1", raw, COSIGNATURE_V1));

  it("uses type byte 0x04 in its key ID and vkey, so it differs from a note signature's", () => {
    expect(vkey.keyId).toBe(noteKeyId("witness.example/w1", 0x04, raw).toString("hex"));
    expect(vkey.keyId).not.toBe(noteKeyId("witness.example/w1", 0x01, raw).toString("hex"));
    expect(formatVkey("witness.example/w1", raw, COSIGNATURE_V1).split("+")[2]!.startsWith("B")).toBe(true); // base64 of 0x04…
  });

  it("signs 'cosignature/v1\\ntime <t>\\n' + body, carrying the time big-endian before the signature", () => {
    const line = cosignBody(body, "witness.example/w1", privateKey, 1679315147);
    const note = parseNote(formatNote(body, [line]));
    if ("error" in note) throw new Error(note.error);
    const sig = note.signatures[0]!;
    expect(sig.signature.length).toBe(72);
    expect(sig.signature.readBigUInt64BE(0)).toBe(1679315147n);
    expect(verifyCosignature(body, sig, vkey)).toBe(1679315147);
    expect(verifyCosignature(body.replace("\n7\n", "\n8\n"), sig, vkey)).toBeNull();
    // A note-signature vkey for the same key does not accept a cosignature (different type, different key ID).
    expect(verifyCosignature(body, sig, vkeyOf(formatVkey("witness.example/w1", raw, ED25519)))).toBeNull();
    expect(verifyNoteSignature(body, sig, vkeyOf(formatVkey("witness.example/w1", raw, ED25519)))).toBe(false);
  });
});
