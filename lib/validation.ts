// zod at the boundary: turns a parse failure into a specific, field-by-field error.
import { z } from "zod";
import { fail, ok, type Result } from "@/lib/result";

/** The body of a write that takes none: nothing, or `{}`; any field in it is an unknown field. */
export const noBody = z.strictObject({});

/**
 * Plain sentences for zod's own messages, wherever a schema gives none: a person reads these under a field, so
 * never "Invalid input: expected number, received NaN". Explicit messages in a schema still win.
 */
export function plainMessage(issue: z.core.$ZodRawIssue): string | undefined {
  const n = (value: unknown) => (typeof value === "bigint" || typeof value === "number" ? Number(value).toLocaleString("en") : String(value));
  switch (issue.code) {
    case "invalid_type": {
      if (issue.input === undefined || issue.input === null) return "This is required.";
      const expected = String(issue.expected);
      if (expected === "int" && typeof issue.input === "number" && Number.isFinite(issue.input)) return "Enter a whole number.";
      if (expected === "number" || expected === "int" || expected === "bigint") return "Enter a number, in digits.";
      if (expected === "string") return "Enter text here.";
      if (expected === "boolean") return "Choose yes or no.";
      if (expected === "array") return "Give a list here.";
      if (expected === "object") return "Give the details as an object here.";
      return `This must be ${/^[aeiou]/.test(expected) ? "an" : "a"} ${expected}.`;
    }
    case "too_small": {
      const min = n(issue.minimum);
      if (issue.origin === "string") return Number(issue.minimum) <= 1 ? "This cannot be empty." : `Use at least ${min} characters.`;
      if (issue.origin === "array" || issue.origin === "set") return `Give at least ${min} ${Number(issue.minimum) === 1 ? "item" : "items"}.`;
      return issue.inclusive ? `Enter ${min} or more.` : `Enter a number greater than ${min}.`;
    }
    case "too_big": {
      const max = n(issue.maximum);
      if (issue.origin === "string") return `Keep this to ${max} characters or fewer.`;
      if (issue.origin === "array" || issue.origin === "set") return `Give at most ${max} ${Number(issue.maximum) === 1 ? "item" : "items"}.`;
      return issue.inclusive ? `Enter ${max} or less.` : `Enter a number less than ${max}.`;
    }
    case "invalid_format":
      if (issue.format === "url") return "Enter a full web address, starting with https://.";
      if (issue.format === "email") return "Enter an email address, like name@example.org.";
      if (issue.format === "datetime" || issue.format === "date") return "Enter a date and time.";
      return "This is not in the expected format.";
    case "not_multiple_of":
      return Number(issue.divisor) === 1 ? "Enter a whole number." : `Enter a multiple of ${n(issue.divisor)}.`;
    case "invalid_value":
      return issue.values.length === 1 ? `This must be ${String(issue.values[0])}.` : `Choose one of: ${issue.values.map(String).join(", ")}.`;
    case "invalid_union":
    case "invalid_key":
    case "invalid_element":
    case "custom":
      return "This value is not accepted here.";
    default:
      return undefined;
  }
}
z.config({ customError: plainMessage });

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
    // The path is in `fields` (what clients and forms read); the message is the sentence a person reads.
    const message = problem.key ? unknownFieldMessage(problem.path) : problem.message;
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
    firstMessage ??= issue.message;
  }
  // No "modelName: " prefix: the message is the first problem as a person reads it; `fields` holds every problem
  // under its path, which is what forms and API clients read.
  return fail("INVALID_INPUT", firstMessage ?? "The input is not valid.", "invalid", fields);
}
