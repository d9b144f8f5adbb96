// Recognises a write refused by a unique index, so that the loser of a race for the same row can be answered
// as a conflict (409) instead of an internal error.

/**
 * True for Prisma's unique-constraint error (P2002; the pg driver adapter maps Postgres's 23505 to it). Read by
 * shape rather than instanceof, so this file needs no Prisma import (only db.ts, data.ts and mutations.ts have one).
 */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Error) || error.name !== "PrismaClientKnownRequestError") return false;
  return (error as Error & { code?: unknown }).code === "P2002";
}
