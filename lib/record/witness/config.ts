// The witnesses an operator trusts to cosign this instance's checkpoints (docs/preserve.md), one per line:
//   <witness vkey> <submission URL prefix>        e.g. witness.example/w1+1c2b3a4d+BG5s...= https://witness.example/w1
// from CW_WITNESSES (lines, or entries separated by ";") or the file CW_WITNESSES_FILE. "#" starts a comment.
// The verifier's --witnesses file uses the same lines; there the URL may be left out.
import { readFileSync } from "node:fs";
import { COSIGNATURE_V1, parseVkey, type Vkey } from "@/lib/record/note";

export type Witness = { name: string; vkey: Vkey; vkeyText: string; url: string | null };
export type WitnessList = { ok: true; witnesses: Witness[] } | { ok: false; error: string };

export function parseWitnesses(text: string, { requireUrl = true }: { requireUrl?: boolean } = {}): WitnessList {
  const witnesses: Witness[] = [];
  const entries = text.split(/[\n;]/).map((line) => line.replace(/#.*$/, "").trim());
  for (const [index, entry] of entries.entries()) {
    if (!entry) continue;
    const where = `Witness entry ${index + 1}`;
    const [vkeyText, url, ...rest] = entry.split(/\s+/) as [string, string | undefined, ...string[]];
    if (rest.length > 0) return { ok: false, error: `${where} has more than a vkey and a URL.` };
    const vkey = parseVkey(vkeyText);
    if ("error" in vkey) return { ok: false, error: `${where}: ${vkey.error}` };
    if (vkey.type !== COSIGNATURE_V1) return { ok: false, error: `${where}: the vkey is not a cosignature/v1 key (type 0x04).` };
    if (url !== undefined && !/^https?:\/\/[^\s]+$/.test(url)) return { ok: false, error: `${where}: the URL must start with http:// or https://.` };
    if (url === undefined && requireUrl) return { ok: false, error: `${where} has no submission URL.` };
    if (witnesses.some((w) => w.vkey.keyId === vkey.keyId && w.name === vkey.name)) return { ok: false, error: `${where} repeats witness ${vkey.name}.` };
    witnesses.push({ name: vkey.name, vkey, vkeyText, url: url ? url.replace(/\/+$/, "") : null });
  }
  return { ok: true, witnesses };
}

/** The configured witnesses; a broken configuration is reported (not thrown) so sealing never depends on it. */
/** Whether sealing should enqueue witness submissions: a valid list with at least one submission URL. */
export function submitsToWitnesses(env: Record<string, string | undefined> = process.env): boolean {
  const list = configuredWitnesses(env);
  return list.ok && list.witnesses.some((w) => w.url !== null);
}

export function configuredWitnesses(env: Record<string, string | undefined> = process.env): WitnessList {
  let text = env.CW_WITNESSES ?? "";
  if (env.CW_WITNESSES_FILE) {
    try {
      text = readFileSync(env.CW_WITNESSES_FILE, "utf8");
    } catch {
      return { ok: false, error: `CW_WITNESSES_FILE (${env.CW_WITNESSES_FILE}) cannot be read.` };
    }
  }
  return parseWitnesses(text);
}
