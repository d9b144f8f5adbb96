import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseInput } from "@/lib/validation";

const schema = z.strictObject({
  hours: z.number().positive().optional(),
  size: z.coerce.number().int().optional(),
  title: z.string().min(3).max(5).optional(),
  name: z.string().min(1).optional(),
  link: z.url().optional(),
  kind: z.enum(["a", "b"]).optional(),
  needed: z.string(),
});

const fieldsOf = (input: unknown) => {
  const result = parseInput(schema, input);
  return result.ok ? {} : result.error.fields;
};

describe("zod's own messages, as plain sentences", () => {
  it.each([
    [{ needed: "x", hours: 0 }, "hours", "Enter a number greater than 0."],
    [{ needed: "x", size: "6.2 GB" }, "size", "Enter a number, in digits."],
    [{ needed: "x", size: "1.5" }, "size", "Enter a whole number."],
    [{ needed: "x", title: "ab" }, "title", "Use at least 3 characters."],
    [{ needed: "x", title: "abcdef" }, "title", "Keep this to 5 characters or fewer."],
    [{ needed: "x", name: "" }, "name", "This cannot be empty."],
    [{ needed: "x", link: "nope" }, "link", "Enter a full web address, starting with https://."],
    [{ needed: "x", kind: "c" }, "kind", "Choose one of: a, b."],
    [{}, "needed", "This is required."],
  ])("%j: %s reads %j", (input, field, message) => {
    expect(fieldsOf(input)?.[field]).toEqual([message]);
  });

  it("keeps a schema's own message", () => {
    const own = z.strictObject({ n: z.number().positive("Give a positive count.") });
    expect(parseInput(own, { n: -1 })).toMatchObject({ ok: false, error: { fields: { n: ["Give a positive count."] } } });
  });
});
