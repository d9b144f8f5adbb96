// Helpers for the archive tests: an archive as text, and the verdict on a (possibly altered) text.
import { createHash, type Hash } from "node:crypto";
import { writeSpaceArchive } from "@/lib/archive/export";
import { verifyArchive, type ArchiveOutcome } from "@/lib/archive/verify";
import type { Actor } from "@/lib/auth/session";

export async function archiveText(slug: string, actor: Actor | null = null): Promise<string> {
  const parts: string[] = [];
  await writeSpaceArchive(actor, slug, "https://origin.example", async (text) => void parts.push(text));
  return parts.join("");
}

export async function verdict(text: string, options: { key?: string; maxBytes?: number; threads?: number } = {}): Promise<ArchiveOutcome> {
  async function* chunks() {
    // Odd-sized chunks, so lines and UTF-8 characters are cut across reads.
    const bytes = Buffer.from(text);
    for (let i = 0; i < bytes.length; i += 65_521) yield bytes.subarray(i, i + 65_521);
  }
  return verifyArchive(chunks(), options);
}

/** The archive with one row of a section replaced by what `edit` makes of it (the manifest left as it was). */
export function editRow(text: string, section: string, edit: (row: Record<string, unknown>) => Record<string, unknown>, index = 0): string {
  const lines = text.split("\n");
  const start = lines.indexOf(JSON.stringify({ section }));
  if (start === -1) throw new Error(`no section ${section}`);
  const at = start + 1 + index;
  lines[at] = JSON.stringify(edit(JSON.parse(lines[at]!) as Record<string, unknown>));
  return lines.join("\n");
}

/** Recomputes the manifest of an edited archive, as a forger would, so only the deeper checks can catch the edit. */
export function reseal(text: string): string {
  const lines = text.split("\n").filter((line) => line !== "");
  const sections: Array<{ name: string; lines: number; sha256: string }> = [];
  let current: { name: string; hash: Hash; lines: number } | null = null;
  const close = () => current && sections.push({ name: current.name, lines: current.lines, sha256: current.hash.digest("hex") });
  for (const line of lines.slice(1, -1)) {
    if (line.startsWith('{"section":')) {
      close();
      current = { name: (JSON.parse(line) as { section: string }).section, hash: createHash("sha256"), lines: 0 };
    } else if (current) {
      current.hash.update(`${line}\n`);
      current.lines++;
    }
  }
  close();
  return [...lines.slice(0, -1), JSON.stringify({ manifest: { sections } }), ""].join("\n");
}

/** The sections format version 2 added: a version 1 archive has none of them. */
export const discussionSections = ["proposals", "concerns", "comments", "comment_versions"];

/** The archive without the given sections and with another header version, its manifest recomputed. */
export function withoutSections(text: string, sections: string[], version: number): string {
  const out: string[] = [];
  let skipping = false;
  for (const [i, line] of text.split("\n").entries()) {
    if (i === 0) {
      out.push(JSON.stringify({ ...(JSON.parse(line) as object), version }));
      continue;
    }
    if (line.startsWith('{"section":')) skipping = sections.includes((JSON.parse(line) as { section: string }).section);
    else if (line.startsWith('{"manifest":')) skipping = false;
    if (!skipping) out.push(line);
  }
  return reseal(out.join("\n"));
}
