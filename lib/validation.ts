// zod at the boundary: turns a parse failure into a specific, field-by-field error.
import { z } from "zod";
import { fail, ok, type Result } from "@/lib/result";

/** The body of a write that takes none: nothing, or `{}`; any field in it is an unknown field. */
export const noBody = z.strictObject({});

export const nulMessage = "Text cannot contain the NUL character (U+0000).";
export const unknownFieldMessage = (key: string) => `Unknown field "${key}".`;

/**
 * Keys that no input has, refused wherever they appear: assigned or merged later, `__proto__` replaces
 * an object's prototype and `constructor`/`prototype` reach it (prototype pollution).
 */
const forbiddenKeys = new Set(["__proto__", "constructor", "prototype"]);

export type TextProblem = { path: string; key?: string; message: string };

type Step = { value: unknown; key?: string | number; parent?: Step };

/** The dotted path of a step; built only when a problem is found (paths share their parents). */
function pathOf(step: Step): string {
  const parts: string[] = [];
  for (let s: Step | undefined = step; s?.parent; s = s.parent) parts.push(String(s.key).replaceAll("\u0000", "\\u0000"));
  return parts.reverse().join(".");
}

/**
 * Walks an input (parsed JSON, a server action's plain object or FormData) for what no field accepts:
 * a NUL character in any string or key (PostgreSQL text cannot hold it), and a forbidden key.
 * Iterative and linear, so deeply nested JSON can neither overflow the stack nor take long.
 * Returns the first problem, with its path.
 */
export function findTextProblem(input: unknown): TextProblem | null {
  const stack: Step[] = [{ value: input }];
  while (stack.length) {
    const step = stack.pop()!;
    const { value } = step;
    if (typeof value === "string") {
      if (value.includes("\u0000")) return { path: pathOf(step), message: nulMessage };
      continue;
    }
    if (value === null || typeof value !== "object") continue;
    let entries: Array<[string | number, unknown]>;
    if (Array.isArray(value)) entries = value.map((item, index) => [index, item]);
    else if (typeof FormData !== "undefined" && value instanceof FormData) entries = [...value.entries()];
    else if (isPlainObject(value)) entries = Object.keys(value).map((key) => [key, (value as Record<string, unknown>)[key]]);
    else continue; // a Date, a File: not text
    // Reverse, so problems are found in document order.
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, item] = entries[i]!;
      const child: Step = { value: item, key, parent: step };
      if (typeof key === "string") {
        if (key.includes("\u0000")) return { path: pathOf(child), message: nulMessage };
        if (forbiddenKeys.has(key)) return { path: pathOf(child), key, message: unknownFieldMessage(key) };
      }
      stack.push(child);
    }
  }
  return null;
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): Result<z.infer<S>> {
  const problem = findTextProblem(input);
  if (problem) {
    const where = problem.path || "_";
    const message = problem.key ? unknownFieldMessage(problem.path) : `${problem.path ? `${problem.path}: ` : ""}${problem.message}`;
    return fail("INVALID_INPUT", message, "invalid", { [where]: [problem.message] });
  }
  const parsed = schema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  const fields: Record<string, string[]> = {};
  let firstMessage: string | undefined;
  for (const issue of parsed.error.issues) {
    if (issue.code === "unrecognized_keys") {
      // One entry per unknown key, under its own path, so a form or client sees exactly which one.
      for (const key of issue.keys) {
        const path = [...issue.path, key].join(".");
        (fields[path] ??= []).push(unknownFieldMessage(key));
        firstMessage ??= unknownFieldMessage(path);
      }
      continue;
    }
    const key = issue.path.length ? issue.path.join(".") : "_";
    (fields[key] ??= []).push(issue.message);
    firstMessage ??= `${issue.path.length ? `${issue.path.join(".")}: ` : ""}${issue.message}`;
  }
  return fail("INVALID_INPUT", firstMessage ?? "invalid input", "invalid", fields);
}
