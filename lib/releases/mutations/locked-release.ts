// A release row locked for the rest of the transaction, with the parts its writes compare and check.
import "server-only";
import type { Tx } from "@/lib/db";

export async function lockedRelease(tx: Tx, releaseId: string) {
  await tx.$queryRaw`SELECT id FROM releases WHERE id = ${releaseId} FOR UPDATE`;
  return tx.release.findUnique({
    where: { id: releaseId },
    include: {
      artifacts: { select: { name: true, kind: true, digest: true, sizeBytes: true, uri: true } },
      components: { select: { component: true, included: true, license: true, licenseName: true, licenseUrl: true } },
      links: { select: { kind: true, reference: true, pinned: true, display: true, url: true } },
    },
  });
}
