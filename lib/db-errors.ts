// Database errors the domain answers with a refusal rather than INTERNAL: a unique index refusing a second row.

/**
 * True when a write failed on a unique index: Prisma's P2002, or Postgres's SQLSTATE 23505 from a statement
 * sent through queryRows. Read from the error's code, never its message, so wording changes cannot break it.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return code === "P2002" || code === "23505";
}
