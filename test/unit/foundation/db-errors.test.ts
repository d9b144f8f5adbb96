// isUniqueViolation tells the unique-index refusal that answers 409 apart from every other database error.
import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { isUniqueViolation } from "@/lib/db-errors";

const prismaError = (code: string) => new Prisma.PrismaClientKnownRequestError(`failed with ${code}`, { code, clientVersion: Prisma.prismaVersion.client });

describe("isUniqueViolation", () => {
  it("is true for Prisma's unique-constraint error", () => {
    expect(isUniqueViolation(prismaError("P2002"))).toBe(true);
  });

  it.each([
    ["a foreign-key violation", prismaError("P2003")],
    ["a missing record", prismaError("P2025")],
    ["a raw query failure", prismaError("P2010")],
    ["a plain Error", new Error("Unique constraint failed")],
    ["an object that only looks like one", { name: "PrismaClientKnownRequestError", code: "P2002" }],
    ["a string", "P2002"],
    ["null", null],
  ])("is false for %s", (_name, error) => {
    expect(isUniqueViolation(error)).toBe(false);
  });

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
