// Charter amendments: a new version, never an edit, recorded in the same transaction.
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isUniqueViolation } from "@/lib/db-errors";
import { appendEvent } from "@/lib/record/append";
import type { Charter } from "@/lib/charter/rules";
import { fail, ok, type Result } from "@/lib/result";

export async function amendCharter(args: {
  spaceId: string;
  actorId: string;
  charter: Charter;
  reason: string;
  basedOnVersion: number;
  changes: string[];
}): Promise<Result<{ version: number; receipt: string }>> {
  const { spaceId, actorId, charter, reason, basedOnVersion, changes } = args;
  try {
    return await db.$transaction(async (tx) => {
      const latest = await tx.charterVersion.findFirst({ where: { spaceId }, orderBy: { version: "desc" }, select: { version: true } });
      if ((latest?.version ?? 0) !== basedOnVersion) {
        return fail("CHARTER_CHANGED", `The charter is at version ${latest?.version ?? 0}, not ${basedOnVersion}: it changed while you edited it; reload and try again.`, "conflict");
      }
      const version = basedOnVersion + 1;
      await tx.charterVersion.create({ data: { spaceId, version, charter: charter as Prisma.InputJsonObject, reason, createdById: actorId } });
      const event = await appendEvent(tx, { spaceId, actorId, type: "charter.amended", subject: { spaceId, version }, data: { version, reason, changes } });
      return ok({ version, receipt: event.receipt });
    });
  } catch (error) {
    // Two amendments raced past the version check: the unique (space, version) index refused one.
    if (isUniqueViolation(error)) return fail("CHARTER_CHANGED", "Someone amended the charter at the same moment; reload and try again.", "conflict");
    throw error;
  }
}
