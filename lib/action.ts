// The server-action boundary: parse unknown input with zod, resolve the actor, return a typed result.
import "server-only";
import type { z } from "zod";
import { currentActor, type Actor } from "@/lib/auth/session";
import { DomainError, fail, type Result } from "@/lib/result";
import { limitAction } from "@/lib/rate-limit/guards";
import { parseInput } from "@/lib/validation";
import { logError } from "@/lib/log";
import { withVia } from "@/lib/record/via";

type Handler<S extends z.ZodType, T> = (input: z.infer<S>, actor: Actor | null) => Promise<Result<T>>;

/**
 * Wraps a use case as a server action. Authorization happens inside the handler (through
 * lib/policy.ts), never in middleware; unknown errors are logged and reach the client as INTERNAL.
 */
export function defineAction<S extends z.ZodType, T>(schema: S, handler: Handler<S, T>) {
  return async (raw: unknown): Promise<Result<T>> => {
    const parsed = parseInput(schema, raw);
    if (!parsed.ok) return parsed;
    try {
      const actor = await currentActor();
      const limited = await limitAction(actor);
      if (limited) return limited;
      return await withVia("session", () => handler(parsed.data, actor));
    } catch (error) {
      return errorResult(error);
    }
  };
}

export function errorResult(error: unknown): Result<never> {
  if (error instanceof DomainError) return { ok: false, error: error.toError() };
  if (isDatabaseDown(error)) return fail("DB_UNAVAILABLE", "The database is not reachable; try again shortly.", "unavailable");
  logError("unhandled error in a use case", error);
  return fail("INTERNAL", "Something went wrong on our side. It has been logged.", "internal");
}

function isDatabaseDown(error: unknown): boolean {
  const text = error instanceof Error ? `${error.message} ${String((error as { code?: unknown }).code ?? "")}` : "";
  return /ECONNREFUSED|ENOTFOUND|Connection terminated|connect ETIMEDOUT|57P01|DatabaseNotReachable/i.test(text);
}
