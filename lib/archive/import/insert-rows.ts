// Writes an archive's domain rows inside the import's transaction, ids unchanged (the record's events name them).
import "server-only";
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { insertDiscussionRows } from "@/lib/archive/import/insert-discussions";
import type { ArchiveRows } from "@/lib/archive/rows";
import { importedKeyMarker } from "@/lib/record/imported-key";

const json = (value: unknown) => value as Prisma.InputJsonValue;
const nullableJson = (value: unknown) => (value === null ? undefined : json(value));

/** People first: those who already arrived with another archive are kept (with every identity they had). */
export async function insertPeople(tx: Tx, rows: ArchiveRows): Promise<void> {
  for (const person of rows.people) {
    const known = await tx.importedIdentity.findUnique({ where: { userId: person.id } });
    if (known) {
      const identities = [...new Set([...known.identities, ...person.identities])].sort();
      await tx.importedIdentity.update({ where: { userId: person.id }, data: { identities } });
      continue;
    }
    await tx.user.create({ data: { id: person.id, name: person.name, imported: { create: { identities: person.identities } } } });
  }
}

export async function insertRows(tx: Tx, rows: ArchiveRows, spaceId: string, slug: string): Promise<void> {
  const space = rows.space[0]!;
  await tx.space.create({ data: { ...space, slug } });
  await insertPeople(tx, rows);
  await insertDomainRows(tx, rows, spaceId);
}

/** Everything of the space but the space row and its people. */
export async function insertDomainRows(tx: Tx, rows: ArchiveRows, spaceId: string): Promise<void> {
  await tx.membership.createMany({ data: rows.members.map((m) => ({ ...m, spaceId })) });
  await tx.charterVersion.createMany({ data: rows.charters.map((c) => ({ ...c, charter: json(c.charter), spaceId })) });
  // Lineage points at earlier releases: insert without it, then set it, whatever the rows' order.
  await tx.release.createMany({ data: rows.releases.map((r) => ({ ...r, previousReleaseId: null, spaceId })) });
  for (const r of rows.releases.filter((r) => r.previousReleaseId)) {
    await tx.release.update({ where: { id: r.id }, data: { previousReleaseId: r.previousReleaseId, updatedAt: r.updatedAt } });
  }
  await tx.artifact.createMany({ data: rows.artifacts });
  await tx.releaseComponent.createMany({ data: rows.components });
  await tx.registryLink.createMany({ data: rows.links });
  await tx.auditReport.createMany({ data: rows.audits.map((a) => ({ ...a, evidence: json(a.evidence), spaceId })) });
  await tx.finding.createMany({ data: rows.findings });
  await tx.findingTransition.createMany({ data: rows.finding_transitions.map((t) => ({ ...t, evidence: nullableJson(t.evidence) })) });
  await tx.auditReview.createMany({ data: rows.reviews });
  await tx.decision.createMany({
    data: rows.decisions.map((d) => ({ ...d, params: json(d.params), subject: json(d.subject), eligibility: json(d.eligibility), outcome: nullableJson(d.outcome), spaceId })),
  });
  await tx.ballot.createMany({ data: rows.ballots.map((b) => ({ ...b, choice: json(b.choice) })) });
  await insertDiscussionRows(tx, rows, spaceId);
}

/** The origin's public keys (verifiers of the imported checkpoints) and its checkpoints, as they were signed. */
export async function insertCheckpoints(tx: Tx, rows: ArchiveRows, logId: string, instance: string): Promise<void> {
  for (const key of rows.keys) {
    // "kept in …": never loaded as this instance's signing key (lib/record/mutations.ts loadOrCreateSigningKey).
    await tx.signingKey.upsert({ where: { keyId: key.keyId }, create: { ...key, privateKey: importedKeyMarker(instance) }, update: {} });
  }
  await tx.checkpoint.createMany({ data: rows.checkpoints.map((c) => ({ ...c, timestamp: new Date(c.timestamp), logId })), skipDuplicates: true });
}
