// Route-handler boundary for /api/v1: who is calling, JSON in and out, errors in one shape.
import "server-only";
import type { z } from "zod";
import { errorResult } from "@/lib/action";
import { currentActor, type Actor } from "@/lib/auth/session";
import { limitApiRequest } from "@/lib/rate-limit/guards";
import { authenticateToken } from "@/lib/tokens/data";
import { bearerToken } from "@/lib/tokens/rules";
import { fail, httpStatus, type AppError, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation";

export type ApiContext<P> = { req: Request; params: P; actor: Actor | null };
type RouteContext<P> = { params: Promise<P> };

const MAX_BODY_BYTES = 1_000_000;

export function errorResponse(error: AppError): Response {
  const { kind: _kind, ...body } = error;
  return Response.json({ error: body }, { status: httpStatus[error.kind] });
}

/** Bearer token first; without an Authorization header, the browser's session. */
async function actorOf(req: Request): Promise<Result<Actor | null>> {
  const header = req.headers.get("authorization");
  if (header) {
    const token = bearerToken(header);
    const user = token ? await authenticateToken(token) : null;
    if (!user) return fail("INVALID_TOKEN", "The bearer token is malformed, unknown or revoked.", "unauthenticated");
    return { ok: true, data: user };
  }
  return { ok: true, data: await currentActor() };
}

export function apiRoute<P = Record<string, never>>(
  handler: (ctx: ApiContext<P>) => Promise<Result<unknown> | Response>,
  { status = 200 }: { status?: number } = {},
) {
  return async (req: Request, context: RouteContext<P>): Promise<Response> => {
    try {
      const actor = await actorOf(req);
      if (!actor.ok) return errorResponse(actor.error);
      const limited = await limitApiRequest(req, actor.data);
      if (limited) return limited;
      const params = context?.params ? await context.params : ({} as P);
      const result = await handler({ req, params, actor: actor.data });
      if (result instanceof Response) return result;
      if (!result.ok) return errorResponse(result.error);
      return Response.json(result.data, { status });
    } catch (error) {
      const result = errorResult(error);
      return errorResponse(result.ok ? { code: "INTERNAL", message: "unexpected", kind: "internal" } : result.error);
    }
  };
}

/** Reads and validates a JSON body; a body that is not JSON or too large is a 400, not a crash. */
export async function readBody<S extends z.ZodType>(req: Request, schema: S): Promise<Result<z.infer<S>>> {
  const length = Number(req.headers.get("content-length") ?? 0);
  if (length > MAX_BODY_BYTES) return fail("BODY_TOO_LARGE", "The request body is over 1 MB.", "invalid");
  const text = await req.text();
  if (text.length > MAX_BODY_BYTES) return fail("BODY_TOO_LARGE", "The request body is over 1 MB.", "invalid");
  let json: unknown;
  try {
    json = text.length ? JSON.parse(text) : {};
  } catch {
    return fail("INVALID_JSON", "The request body is not valid JSON.", "invalid");
  }
  return parseInput(schema, json);
}

export function readQuery<S extends z.ZodType>(req: Request, schema: S): Result<z.infer<S>> {
  return parseInput(schema, Object.fromEntries(new URL(req.url).searchParams));
}
