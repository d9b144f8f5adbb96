// zod at the boundary: turns a parse failure into a specific, field-by-field error.
import type { z } from "zod";
import { fail, ok, type Result } from "@/lib/result";

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): Result<z.infer<S>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  const fields: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_";
    (fields[key] ??= []).push(issue.message);
  }
  const first = parsed.error.issues[0];
  const where = first && first.path.length ? `${first.path.join(".")}: ` : "";
  return fail("INVALID_INPUT", `${where}${first?.message ?? "invalid input"}`, "invalid", fields);
}
