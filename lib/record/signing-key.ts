// The instance's Ed25519 checkpoint key: from CW_SIGNING_KEY_FILE (PEM) if set, else generated once and kept in signing_keys.
import { readFileSync } from "node:fs";
import { createPrivateKey, createPublicKey } from "node:crypto";
import type { Db } from "@/lib/db";
import { keyIdFromPublicKey, type InstanceKey } from "@/lib/record/checkpoint";
import { loadOrCreateSigningKey, recordFileKey } from "@/lib/record/mutations";

const cache = new WeakMap<object, Promise<InstanceKey>>();
const DEFAULT_CLIENT = {};

function keyFromFile(file: string): InstanceKey {
  const privateKey = createPrivateKey(readFileSync(file, "utf8"));
  if (privateKey.asymmetricKeyType !== "ed25519") throw new Error(`CW_SIGNING_KEY_FILE (${file}) is not an Ed25519 private key`);
  const { x } = createPublicKey(privateKey).export({ format: "jwk" });
  const publicKey = Buffer.from(String(x), "base64url").toString("base64");
  const keyId = keyIdFromPublicKey(publicKey);
  if (!keyId.ok) throw new Error(keyId.reason);
  return { keyId: keyId.value, publicKey, privateKey };
}

async function loadKey(client: Db | undefined): Promise<InstanceKey> {
  const file = process.env.CW_SIGNING_KEY_FILE;
  if (!file) return loadOrCreateSigningKey(client);
  const key = keyFromFile(file);
  await recordFileKey(client, key);
  return key;
}

/** The key this instance signs checkpoints with (loaded or created once per process and client). */
export function instanceKey(client?: Db): Promise<InstanceKey> {
  const owner = client ?? DEFAULT_CLIENT;
  let key = cache.get(owner);
  if (!key) {
    key = loadKey(client);
    key.catch(() => cache.delete(owner));
    cache.set(owner, key);
  }
  return key;
}
