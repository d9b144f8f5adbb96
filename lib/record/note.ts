// C2SP signed notes (c2sp.org/signed-note) and tlog-checkpoint bodies (c2sp.org/tlog-checkpoint), with Ed25519 keys.
// Pure: no I/O. The interoperable form of our checkpoints, next to the JSON form of lib/record/checkpoint.ts.
import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from "node:crypto";

/** Signature type bytes: 0x01 an Ed25519 note signature, 0x04 an Ed25519 cosignature/v1 (c2sp.org/tlog-cosignature). */
export const ED25519 = 0x01;
export const COSIGNATURE_V1 = 0x04;

const EM_DASH = "\u2014";

/** A key name: non-empty, no whitespace, no "+" (the vkey separator), no control characters. */
export function isKeyName(name: string): boolean {
  return name.length > 0 && name.length <= 255 && !/[\s+\p{Cc}]/u.test(name);
}

/** SHA-256(name || 0x0A || type || public key)[:4], the key ID every signature line starts with. */
export function noteKeyId(name: string, type: number, publicKey: Uint8Array): Buffer {
  return createHash("sha256").update(name, "utf8").update(Buffer.from([0x0a, type])).update(publicKey).digest().subarray(0, 4);
}

export function rawEd25519PublicKey(key: KeyObject): Buffer {
  const { x } = (key.type === "private" ? createPublicKey(key) : key).export({ format: "jwk" });
  if (typeof x !== "string") throw new Error("An Ed25519 key exported without its x coordinate.");
  return Buffer.from(x, "base64url");
}

export function ed25519PublicKey(raw: Uint8Array): KeyObject {
  return createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: Buffer.from(raw).toString("base64url") }, format: "jwk" });
}

/** An Ed25519 private key from its 32-byte seed (the form Go's note "PRIVATE+KEY" strings carry). */
export function ed25519PrivateKeyFromSeed(seed: Uint8Array): KeyObject {
  const pkcs8Prefix = Buffer.from("302e020100300506032b657004220420", "hex");
  return createPrivateKey({ key: Buffer.concat([pkcs8Prefix, seed]), format: "der", type: "pkcs8" });
}

export type Vkey = { name: string; type: number; keyId: string; publicKey: Buffer };

/** `<name>+<hex key ID>+<base64(type || public key)>`. */
export function formatVkey(name: string, publicKey: Uint8Array, type = ED25519): string {
  const keyId = noteKeyId(name, type, publicKey).toString("hex");
  return `${name}+${keyId}+${Buffer.concat([Buffer.from([type]), publicKey]).toString("base64")}`;
}

function strictBase64(text: string): Buffer | null {
  const bytes = Buffer.from(text, "base64");
  return bytes.length > 0 && bytes.toString("base64") === text ? bytes : null;
}

/** Parses a vkey of an Ed25519 signer (0x01) or cosigner (0x04); the key ID must be the one the key implies. */
export function parseVkey(text: string): Vkey | { error: string } {
  // The name and key ID cannot hold "+"; the base64 key can.
  const match = /^([^+]*)\+([^+]*)\+(.*)$/s.exec(text.trim());
  if (!match) return { error: "A verifier key has three parts: name+keyid+base64 key." };
  const [, name, hash, encoded] = match as unknown as [string, string, string, string];
  if (!isKeyName(name)) return { error: `The verifier key name "${name.slice(0, 40)}" is empty or has spaces or control characters.` };
  if (!/^[0-9a-f]{8}$/.test(hash)) return { error: "The verifier key ID must be 8 lowercase hexadecimal characters." };
  const bytes = strictBase64(encoded);
  if (!bytes || bytes.length !== 33) return { error: "The verifier key must be base64 of a type byte and a 32-byte Ed25519 key." };
  const type = bytes[0] as number;
  if (type !== ED25519 && type !== COSIGNATURE_V1) return { error: `The verifier key has an unsupported type 0x${type.toString(16).padStart(2, "0")}.` };
  const publicKey = bytes.subarray(1);
  if (noteKeyId(name, type, publicKey).toString("hex") !== hash) return { error: "The verifier key ID does not match its name and key." };
  return { name, type, keyId: hash, publicKey: Buffer.from(publicKey) };
}

export type TreeHead = { origin: string; size: number; rootHash: string };

/** The tlog-checkpoint note text: origin, decimal size, base64 RFC 6962 root, each ending in a newline. */
export function checkpointNoteBody({ origin, size, rootHash }: TreeHead): string {
  if (!isKeyName(origin)) throw new RangeError("A checkpoint origin must be non-empty without spaces, '+' or control characters.");
  if (!Number.isSafeInteger(size) || size < 0) throw new RangeError("A tree size is a whole number.");
  if (!/^[0-9a-f]{64}$/.test(rootHash)) throw new RangeError("A root hash is 64 lowercase hexadecimal characters.");
  return `${origin}\n${size}\n${Buffer.from(rootHash, "hex").toString("base64")}\n`;
}

/** Reads the first three lines of a checkpoint body (extension lines are allowed and ignored). */
export function parseCheckpointNoteBody(body: string): TreeHead | { error: string } {
  const lines = body.split("\n");
  if (lines.length < 4 || lines[lines.length - 1] !== "") return { error: "A checkpoint has at least three lines, each ending in a newline." };
  const [origin, sizeText, rootText] = lines as [string, string, string];
  if (!origin) return { error: "The checkpoint origin is empty." };
  if (!/^(0|[1-9][0-9]{0,15})$/.test(sizeText) || !Number.isSafeInteger(Number(sizeText))) return { error: "The checkpoint size is not a decimal number without leading zeroes." };
  const root = strictBase64(rootText);
  if (root?.length !== 32) return { error: "The checkpoint root hash is not base64 of 32 bytes." };
  if (lines.slice(3, -1).some((l) => l === "")) return { error: "A checkpoint extension line is empty." };
  return { origin, size: Number(sizeText), rootHash: root.toString("hex") };
}

export type NoteSignature = { name: string; keyId: string; signature: Buffer; line: string };
export type Note = { body: string; signatures: NoteSignature[] };

/** A signature line: `— <name> base64(key ID || signature)` and a newline. */
export function signatureLine(name: string, keyId: Uint8Array, signature: Uint8Array): string {
  return `${EM_DASH} ${name} ${Buffer.concat([keyId, signature]).toString("base64")}\n`;
}

/** Signs a note body with an Ed25519 key under a key name; returns the signature line. */
export function signNoteBody(body: string, name: string, privateKey: KeyObject): string {
  const keyId = noteKeyId(name, ED25519, rawEd25519PublicKey(privateKey));
  return signatureLine(name, keyId, sign(null, Buffer.from(body, "utf8"), privateKey));
}

export function formatNote(body: string, lines: string[]): string {
  return `${body}\n${lines.join("")}`;
}

/** Splits a signed note into its body and signature lines; at least one signature line is required. */
export function parseNote(text: string): Note | { error: string } {
  if (text.length > 1_000_000) return { error: "The note is too large." };
  const split = text.lastIndexOf("\n\n");
  if (split < 0 || !text.endsWith("\n")) return { error: "A signed note is a body, a blank line and signature lines, each ending in a newline." };
  const body = text.slice(0, split + 1);
  const signatures: NoteSignature[] = [];
  for (const line of text.slice(split + 2, -1).split("\n")) {
    const match = /^\u2014 (\S+) ([A-Za-z0-9+/=]+)$/u.exec(line);
    const bytes = match ? strictBase64(match[2] as string) : null;
    if (!match || !bytes || bytes.length < 5 || !isKeyName(match[1] as string)) return { error: `Malformed signature line: ${line.slice(0, 80)}` };
    signatures.push({ name: match[1] as string, keyId: bytes.subarray(0, 4).toString("hex"), signature: bytes.subarray(4), line: `${line}\n` });
  }
  if (signatures.length === 0) return { error: "The note has no signature lines." };
  return { body, signatures };
}

/** Whether a signature line is a valid Ed25519 note signature by this vkey over the body. */
export function verifyNoteSignature(body: string, sig: NoteSignature, vkey: Vkey): boolean {
  if (vkey.type !== ED25519 || sig.name !== vkey.name || sig.keyId !== vkey.keyId || sig.signature.length !== 64) return false;
  return verify(null, Buffer.from(body, "utf8"), ed25519PublicKey(vkey.publicKey), sig.signature);
}
