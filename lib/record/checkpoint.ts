// Checkpoints of the governance record: a canonical text body (like a C2SP signed note) signed with Ed25519.
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from "node:crypto";
import { z } from "zod";

export const checkpointSchema = z.object({
  // Control characters (newlines above all) would let one origin forge the line structure of the body.
  origin: z
    .string()
    .min(1)
    .max(255)
    .regex(/^[^\p{Cc}]+$/u, "The origin must not contain newlines or other control characters."),
  size: z.int().nonnegative(),
  rootHash: z.string().regex(/^[0-9a-f]{64}$/, "The root hash must be 64 lowercase hexadecimal characters."),
  timestamp: z.iso.datetime(),
});

export type Checkpoint = z.infer<typeof checkpointSchema>;
export type SignedCheckpoint = Checkpoint & { signature: string };

export type SigningKey = { privateKeyPem: string; publicKeyPem: string; publicKeyRaw: string; keyId: string };
/** The key an instance signs its checkpoints with, loaded and ready to sign. */
export type InstanceKey = { keyId: string; publicKey: string; privateKey: KeyObject };

export type CheckpointErrorCode = "INVALID_CHECKPOINT" | "INVALID_PUBLIC_KEY" | "INVALID_SIGNATURE" | "BAD_SIGNATURE";
export type CheckpointResult<T> =
  | { ok: true; value: T }
  | { ok: false; code: CheckpointErrorCode; reason: string };

export function parseCheckpoint(input: unknown): CheckpointResult<Checkpoint> {
  const parsed = checkpointSchema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
  return { ok: false, code: "INVALID_CHECKPOINT", reason: `The checkpoint is malformed (${where}${issue?.message}).` };
}

/** The exact bytes that are signed. Throws on a malformed checkpoint: signing one would be a bug. */
export function checkpointBody(cp: Checkpoint): string {
  const parsed = parseCheckpoint(cp);
  if (!parsed.ok) throw new RangeError(parsed.reason);
  const { origin, size, rootHash, timestamp } = parsed.value;
  const rootBase64 = Buffer.from(rootHash, "hex").toString("base64");
  return `${origin}\n${size}\n${rootBase64}\n${timestamp}\n`;
}

/** Buffer.from(…, "base64") ignores junk characters; re-encoding rejects anything but canonical base64. */
function decodeStrictBase64(text: string): Buffer | null {
  const bytes = Buffer.from(text, "base64");
  return bytes.toString("base64") === text ? bytes : null;
}

function toEd25519PublicKey(publicKey: KeyObject | string): KeyObject | null {
  try {
    let key: KeyObject;
    if (typeof publicKey !== "string") {
      key = publicKey.type === "private" ? createPublicKey(publicKey) : publicKey;
    } else if (publicKey.trimStart().startsWith("-----BEGIN")) {
      key = createPublicKey(publicKey);
    } else {
      const raw = decodeStrictBase64(publicKey.trim());
      if (raw?.length !== 32) return null;
      key = createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: raw.toString("base64url") }, format: "jwk" });
    }
    return key.type === "public" && key.asymmetricKeyType === "ed25519" ? key : null;
  } catch {
    return null;
  }
}

function rawPublicKey(key: KeyObject): Buffer {
  const { x } = key.export({ format: "jwk" });
  if (typeof x !== "string") throw new Error("An Ed25519 public key exported without its x coordinate.");
  return Buffer.from(x, "base64url");
}

/** Short identifier shown next to signatures: first 16 hex characters of SHA-256(raw 32-byte public key). */
export function keyIdFromPublicKey(publicKey: KeyObject | string): CheckpointResult<string> {
  const key = toEd25519PublicKey(publicKey);
  if (!key) return { ok: false, code: "INVALID_PUBLIC_KEY", reason: "The public key is not an Ed25519 key." };
  return { ok: true, value: createHash("sha256").update(rawPublicKey(key)).digest("hex").slice(0, 16) };
}

export function generateSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const raw = rawPublicKey(publicKey);
  return {
    privateKeyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
    publicKeyRaw: raw.toString("base64"),
    keyId: createHash("sha256").update(raw).digest("hex").slice(0, 16),
  };
}

/** Throws on a malformed checkpoint or a key that is not an Ed25519 private key (both are caller bugs). */
export function signCheckpoint(cp: Checkpoint, privateKey: KeyObject | string): SignedCheckpoint {
  const key = typeof privateKey === "string" ? createPrivateKey(privateKey) : privateKey;
  if (key.type !== "private" || key.asymmetricKeyType !== "ed25519") {
    throw new TypeError("Checkpoints must be signed with an Ed25519 private key.");
  }
  const body = checkpointBody(cp);
  const signature = sign(null, Buffer.from(body, "utf8"), key).toString("base64");
  return { origin: cp.origin, size: cp.size, rootHash: cp.rootHash, timestamp: cp.timestamp, signature };
}

/** Accepts the public key as PEM, as raw base64 (32 bytes) or as a KeyObject. */
export function verifyCheckpoint(
  signed: SignedCheckpoint,
  publicKey: KeyObject | string,
): { ok: true } | { ok: false; code: CheckpointErrorCode; reason: string } {
  const parsed = parseCheckpoint(signed);
  if (!parsed.ok) return parsed;
  const key = toEd25519PublicKey(publicKey);
  if (!key) {
    return { ok: false, code: "INVALID_PUBLIC_KEY", reason: "The public key is not a valid Ed25519 key (PEM or base64)." };
  }
  const signature = typeof signed.signature === "string" ? decodeStrictBase64(signed.signature) : null;
  if (signature?.length !== 64) {
    return { ok: false, code: "INVALID_SIGNATURE", reason: "The signature must be 64 bytes encoded in base64." };
  }
  const body = Buffer.from(checkpointBody(parsed.value), "utf8");
  if (!verify(null, body, key, signature)) {
    return { ok: false, code: "BAD_SIGNATURE", reason: "The signature does not match this checkpoint and key." };
  }
  return { ok: true };
}
