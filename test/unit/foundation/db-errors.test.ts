import { describe, expect, it } from "vitest";
import { isUniqueViolation } from "@/lib/db-errors";

describe("isUniqueViolation", () => {
  it.each([
    ["Prisma's P2002", Object.assign(new Error("Unique constraint failed on the fields: (`slug`)"), { code: "P2002" }), true],
    ["Postgres's 23505 through queryRows", Object.assign(new Error('duplicate key value violates unique constraint "ballots_pkey"'), { code: "23505" }), true],
    ["another Prisma error", Object.assign(new Error("Record not found"), { code: "P2025" }), false],
    ["a foreign-key violation", Object.assign(new Error("violates foreign key constraint"), { code: "23503" }), false],
    ["a message that only mentions a unique constraint", new Error("Unique constraint failed"), false],
    ["a string", "Unique constraint failed", false],
    ["null", null, false],
  ])("%s -> %s", (_name, error, expected) => {
    expect(isUniqueViolation(error)).toBe(expected);
  });
});
