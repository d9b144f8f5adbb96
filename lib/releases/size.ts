// Reads an artifact size as people write it: "6.2 GB", "6.2GB", "512 MB", "1.5 GiB" or plain bytes.
// Decimal units are powers of 10 (1 GB = 10^9 bytes), binary units powers of 2 (1 GiB = 2^30 bytes).

export type SizeResult = { ok: true; bytes: number } | { ok: false; message: string };

const units: Record<string, number> = {
  b: 1,
  byte: 1,
  bytes: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  pb: 1e15,
  kib: 2 ** 10,
  mib: 2 ** 20,
  gib: 2 ** 30,
  tib: 2 ** 40,
  pib: 2 ** 50,
};

export const sizeHint = "Bytes, or with a unit: 6.2 GB, 512 MB, 1.5 GiB (GB = 10⁹ bytes, GiB = 2³⁰ bytes).";

const badSize = (text: string): SizeResult => ({
  ok: false,
  message: `“${text}” is not a size. Write it in bytes (6200000000) or with a unit: 6.2 GB, 512 MB, 1.5 GiB.`,
});

/** Parses a size; the result is a whole number of bytes (rounded to the nearest byte). */
export function parseSize(input: string): SizeResult {
  const text = input.trim();
  // Digits may be grouped with commas, thin spaces or underscores ("6,200,000,000").
  const match = /^(\d[\d,_\u202f]*(?:\.\d+)?|\.\d+)\s*([A-Za-z]*)$/.exec(text);
  if (!match) return badSize(text);
  const [, number = "", unit = ""] = match;
  const digits = number.replace(/[,_\u202f]/g, "");
  const factor = unit === "" ? 1 : units[unit.toLowerCase()];
  if (factor === undefined) return { ok: false, message: `“${unit}” is not a unit of size. Use B, KB, MB, GB, TB or KiB, MiB, GiB, TiB.` };
  if (factor === 1 && digits.includes(".")) return { ok: false, message: "A size in bytes is a whole number; for fractions use a unit, e.g. 6.2 GB." };
  const bytes = Math.round(Number(digits) * factor);
  if (!Number.isFinite(bytes) || bytes > Number.MAX_SAFE_INTEGER) return { ok: false, message: "That size is too large: at most 8 PiB per artifact." };
  return { ok: true, bytes };
}
