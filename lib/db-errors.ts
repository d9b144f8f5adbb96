// Database errors the domain answers with a refusal rather than INTERNAL: a unique index refusing a second row, so
// that the loser of a race for the same row is answered as a conflict (409) instead of an internal error.

/**
 * True when a write failed on a unique index: Prisma's P2002 (the pg driver adapter maps Postgres's 23505 to it), or
 * Postgres's SQLSTATE 23505 itself from a statement sent through queryRows. Read from a thrown Error's code, never
 * its message, so wording changes cannot break it; and by shape rather than instanceof a Prisma class, so this file
 * needs no Prisma import (only db.ts, data.ts and mutations.ts have one).
 */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as Error & { code?: unknown }).code;
  return code === "P2002" || code === "23505";
}
