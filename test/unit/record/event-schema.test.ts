import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { eventContentSchema, eventJsonSchema, exportEventLineSchema } from "@/lib/record/event-schema";

const file = "docs/event.schema.json";
const generated = `${JSON.stringify(eventJsonSchema(), null, 2)}\n`;

describe("docs/event.schema.json", () => {
  it("equals the schema generated from lib/record/event-schema.ts (regenerate: UPDATE_SCHEMA=1 npx vitest run --project unit test/unit/record/event-schema.test.ts)", () => {
    if (process.env.UPDATE_SCHEMA === "1") writeFileSync(file, generated);
    expect(readFileSync(file, "utf8")).toBe(generated);
  });

  it("accepts a real export line and rejects unknown fields and bad types", () => {
    const event = { v: 1, id: "0b8f7c1e-8d2a-4c1b-9a3e-2f5d6c7b8a90", space: "s1", type: "ballot.cast", actor: "u1", subject: { decisionId: "d1" }, data: { choice: "+1" }, at: "2026-11-24T10:00:00.000Z" };
    expect(exportEventLineSchema.safeParse({ seq: 0, leafHash: "a".repeat(64), hash: "b".repeat(64), event }).success).toBe(true);
    expect(eventContentSchema.safeParse({ ...event, extra: 1 }).success).toBe(false);
    expect(eventContentSchema.safeParse({ ...event, type: "Ballot" }).success).toBe(false);
  });
});
