// Reads of a space's charter versions.
import "server-only";
import { db } from "@/lib/db";
import { defaultCharter, parseCharter, type Charter } from "@/lib/charter/rules";

export type CharterVersionView = { version: number; charter: Charter; reason: string; createdAt: Date; createdById: string | null };

export async function currentCharter(spaceId: string): Promise<CharterVersionView> {
  const row = await db.charterVersion.findFirst({ where: { spaceId }, orderBy: { version: "desc" } });
  if (!row) return { version: 0, charter: defaultCharter(), reason: "", createdAt: new Date(0), createdById: null };
  const parsed = parseCharter(row.charter);
  // A stored charter was validated when written; if a later schema tightened, show the defaults' shape.
  return { version: row.version, charter: parsed.ok ? parsed.value : defaultCharter(), reason: row.reason, createdAt: row.createdAt, createdById: row.createdById };
}

/** The charter as it stood at `version` (what a decision opened under it follows); 0 is the defaults. */
export async function charterAtVersion(spaceId: string, version: number): Promise<Charter> {
  const row = version > 0 ? await db.charterVersion.findUnique({ where: { spaceId_version: { spaceId, version } }, select: { charter: true } }) : null;
  const parsed = row ? parseCharter(row.charter) : null;
  return parsed?.ok ? parsed.value : defaultCharter();
}

export async function charterHistory(spaceId: string) {
  return db.charterVersion.findMany({
    where: { spaceId },
    orderBy: { version: "desc" },
    select: { version: true, reason: true, createdAt: true, createdById: true, charter: true },
  });
}
