import { describe, it, expect } from "vitest";
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync } from "node:crypto";
import {
  checkpointBody,
  generateSigningKey,
  keyIdFromPublicKey,
  parseCheckpoint,
  signCheckpoint,
  verifyCheckpoint,
  type Checkpoint,
  type SignedCheckpoint,
} from "@/lib/record/checkpoint";

const checkpoint: Checkpoint = {
  origin: "commonweights.example/s/llama-fork",
  size: 1042,
  rootHash: "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
  timestamp: "2025-06-01T12:30:00.000Z",
};

// RFC 8032 section 7.1, TEST 1: a fixed Ed25519 key pair, wrapped in PKCS#8 DER.
const rfcSeed = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
const rfcPublicRaw = Buffer.from("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "hex");
const rfcPrivateKey = createPrivateKey({
  key: Buffer.from(`302e020100300506032b657004220420${rfcSeed}`, "hex"),
  format: "der",
  type: "pkcs8",
});

const key = generateSigningKey();
const signed = signCheckpoint(checkpoint, key.privateKeyPem);

describe("checkpointBody", () => {
  it("is the origin, size, base64 root and timestamp, one per line", () => {
    expect(checkpointBody(checkpoint)).toBe(
      "commonweights.example/s/llama-fork\n1042\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n2025-06-01T12:30:00.000Z\n",
    );
  });

  it.each<[string, Partial<Checkpoint>]>([
    ["a newline in the origin", { origin: "commonweights.example/s/a\n1\nforged" }],
    ["an empty origin", { origin: "" }],
    ["a negative size", { size: -1 }],
    ["a fractional size", { size: 1.5 }],
    ["an uppercase root hash", { rootHash: checkpoint.rootHash.toUpperCase() }],
    ["a short root hash", { rootHash: checkpoint.rootHash.slice(2) }],
    ["a timestamp with an offset", { timestamp: "2025-06-01T14:30:00+02:00" }],
    ["a date-only timestamp", { timestamp: "2025-06-01" }],
  ])("refuses %s", (_name, change) => {
    const bad = { ...checkpoint, ...change };
    expect(() => checkpointBody(bad)).toThrow(RangeError);
    expect(parseCheckpoint(bad)).toMatchObject({ ok: false, code: "INVALID_CHECKPOINT" });
    expect(() => signCheckpoint(bad, key.privateKeyPem)).toThrow(RangeError);
  });

  it("parses a well-formed checkpoint from unknown input", () => {
    expect(parseCheckpoint(JSON.parse(JSON.stringify(checkpoint)))).toEqual({ ok: true, value: checkpoint });
  });
});

describe("generateSigningKey", () => {
  it("returns PEM keys, the raw 32-byte public key and its key id", () => {
    expect(key.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(key.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    const raw = Buffer.from(key.publicKeyRaw, "base64");
    expect(raw).toHaveLength(32);
    expect(key.keyId).toBe(createHash("sha256").update(raw).digest("hex").slice(0, 16));
    expect(keyIdFromPublicKey(key.publicKeyPem)).toEqual({ ok: true, value: key.keyId });
    expect(keyIdFromPublicKey(key.publicKeyRaw)).toEqual({ ok: true, value: key.keyId });
  });

  it("gives a fresh key pair on every call", () => {
    expect(generateSigningKey().keyId).not.toBe(key.keyId);
  });
});

describe("signCheckpoint and verifyCheckpoint", () => {
  it("signs a copy of the checkpoint with a 64-byte Ed25519 signature", () => {
    expect(signed).toMatchObject(checkpoint);
    expect(Buffer.from(signed.signature, "base64")).toHaveLength(64);
  });

  it.each([
    ["a PEM public key", key.publicKeyPem],
    ["a raw base64 public key", key.publicKeyRaw],
    ["a KeyObject", createPublicKey(key.publicKeyPem)],
  ])("verifies with %s", (_name, publicKey) => {
    expect(verifyCheckpoint(signed, publicKey)).toEqual({ ok: true });
  });

  it("signs with a KeyObject and verifies with the RFC 8032 raw public key", () => {
    const withRfcKey = signCheckpoint(checkpoint, rfcPrivateKey);
    expect(verifyCheckpoint(withRfcKey, rfcPublicRaw.toString("base64"))).toEqual({ ok: true });
    expect(keyIdFromPublicKey(rfcPublicRaw.toString("base64"))).toEqual({
      ok: true,
      value: createHash("sha256").update(rfcPublicRaw).digest("hex").slice(0, 16),
    });
  });

  const flipChar = (s: string, at: number) => s.slice(0, at) + (s[at] === "A" ? "B" : "A") + s.slice(at + 1);
  it.each<[string, SignedCheckpoint]>([
    ["size", { ...signed, size: signed.size + 1 }],
    ["root hash", { ...signed, rootHash: "0" + signed.rootHash.slice(1) }],
    ["timestamp", { ...signed, timestamp: "2025-06-01T12:30:01.000Z" }],
    ["origin", { ...signed, origin: "commonweights.example/s/llama-fork-2" }],
    ["signature", { ...signed, signature: flipChar(signed.signature, 10) }],
  ])("rejects a tampered %s", (_name, tampered) => {
    expect(verifyCheckpoint(tampered, key.publicKeyPem)).toMatchObject({ ok: false, code: "BAD_SIGNATURE" });
  });

  it("rejects a signature from another key", () => {
    const other = generateSigningKey();
    expect(verifyCheckpoint(signed, other.publicKeyPem)).toMatchObject({ ok: false, code: "BAD_SIGNATURE" });
    expect(verifyCheckpoint(signed, other.publicKeyRaw)).toMatchObject({ ok: false, code: "BAD_SIGNATURE" });
  });

  it.each([
    ["a truncated signature", signed.signature.slice(0, 40)],
    ["non-canonical base64", `${signed.signature}==`],
    ["an empty signature", ""],
  ])("rejects %s as malformed", (_name, signature) => {
    expect(verifyCheckpoint({ ...signed, signature }, key.publicKeyPem)).toMatchObject({
      ok: false,
      code: "INVALID_SIGNATURE",
    });
  });

  const x25519 = generateKeyPairSync("x25519").publicKey;
  it.each([
    ["garbage", "not a key"],
    ["a 31-byte raw key", Buffer.alloc(31, 7).toString("base64")],
    ["a broken PEM", "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"],
    ["an X25519 key", x25519.export({ type: "spki", format: "pem" }).toString()],
  ])("rejects %s as a public key", (_name, publicKey) => {
    expect(verifyCheckpoint(signed, publicKey)).toMatchObject({ ok: false, code: "INVALID_PUBLIC_KEY" });
  });

  it("rejects a malformed checkpoint before checking the signature", () => {
    const result = verifyCheckpoint({ ...signed, origin: "a\nb" }, key.publicKeyPem);
    expect(result).toMatchObject({ ok: false, code: "INVALID_CHECKPOINT" });
  });

  it("refuses to sign with a key that is not Ed25519", () => {
    const x25519Private = generateKeyPairSync("x25519").privateKey;
    expect(() => signCheckpoint(checkpoint, x25519Private)).toThrow(TypeError);
  });
});
