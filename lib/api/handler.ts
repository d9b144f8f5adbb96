// Route-handler boundary for /api/v1: who is calling, JSON in and out, errors in one shape.
import "server-only";
import type { z } from "zod";
import { errorResult } from "@/lib/action";
import { currentActor, type Actor } from "@/lib/auth/session";
import { limitApiRequest } from "@/lib/rate-limit/guards";
import { authenticateToken } from "@/lib/tokens/data";
import { bearerToken } from "@/lib/tokens/rules";
import { appEnv } from "@/lib/env";
import { fail, httpStatus, ok, type AppError, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation";
import { withVia } from "@/lib/record/via";
import { carriesCookies, decodeUtf8, isJsonMediaType, isSameOriginRequest, isWriteMethod } from "@/lib/api/request-checks";

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
      const crossSite = crossSiteRefusal(req);
      if (crossSite) return errorResponse(crossSite);
      const actor = await actorOf(req);
      if (!actor.ok) return errorResponse(actor.error);
      const limited = await limitApiRequest(req, actor.data);
      if (limited) return limited;
      const params = context?.params ? await context.params : ({} as P);
      // The record keeps how each write came: a bearer token, or the browser's session (lib/record/via.ts).
      const via = req.headers.get("authorization") ? "token" : "session";
      const result = await withVia(via, () => handler({ req, params, actor: actor.data }));
      if (result instanceof Response) return result;
      if (!result.ok) return errorResponse(result.error);
      return Response.json(result.data, { status });
    } catch (error) {
      const result = errorResult(error);
      return errorResponse(result.ok ? { code: "INTERNAL", message: "unexpected", kind: "internal" } : result.error);
    }
  };
}

/**
 * A write that would act through the session cookie must come from the app's own pages: otherwise any
 * site could make a signed-in visitor's browser post to the API. Bearer-token requests are not ambient
 * credentials and are not affected; a request with no cookie at all cannot act as anyone (it answers 401).
 */
function crossSiteRefusal(req: Request): AppError | null {
  if (!isWriteMethod(req.method) || req.headers.get("authorization") || !carriesCookies(req.headers)) return null;
  const env = appEnv();
  const settings = { authUrl: env.AUTH_URL, trustForwardedHost: env.AUTH_TRUST_HOST || env.NODE_ENV !== "production" };
  if (isSameOriginRequest(req, settings)) return null;
  return {
    code: "CROSS_SITE_REQUEST",
    message: "A write signed in by the session cookie must come from this site's own pages (or use a bearer token).",
    kind: "forbidden",
  };
}

/**
 * Reads a request body as the boundary accepts it: at most 1 MB, sent as application/json, strict UTF-8,
 * valid JSON. No body at all reads as `{}` and needs no Content-Type. Each refusal is a 4xx, not a crash.
 */
export async function readJson(req: Request): Promise<Result<unknown>> {
  const tooLarge = () => fail("BODY_TOO_LARGE", "The request body is over 1 MB.", "invalid");
  if (Number(req.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return tooLarge();
  const bytes = new Uint8Array(await req.arrayBuffer());
  if (bytes.byteLength > MAX_BODY_BYTES) return tooLarge();
  if (bytes.byteLength === 0) return ok({});
  if (!isJsonMediaType(req.headers.get("content-type"))) {
    return fail("UNSUPPORTED_MEDIA_TYPE", "Send the request body as JSON, with Content-Type: application/json.", "unsupported_media_type");
  }
  // Not the lenient default: a replacement character would make the record hash other text than was sent.
  const text = decodeUtf8(bytes);
  if (text === null) return fail("INVALID_UTF8", "The request body is not valid UTF-8.", "invalid");
  try {
    return ok(JSON.parse(text));
  } catch {
    return fail("INVALID_JSON", "The request body is not valid JSON.", "invalid");
  }
}

type Parse<S extends z.ZodType> = (schema: S, input: unknown) => Result<z.infer<S>>;

/**
 * Reads and validates a JSON body (see readJson) against a strict schema: unknown fields, NUL characters
 * and prototype keys answer 400 naming the field. `parse` lets a module keep its own error codes.
 */
export async function readBody<S extends z.ZodType>(req: Request, schema: S, parse: Parse<S> = parseInput): Promise<Result<z.infer<S>>> {
  const json = await readJson(req);
  if (!json.ok) return json;
  return parse(schema, json.data);
}

export function readQuery<S extends z.ZodType>(req: Request, schema: S): Result<z.infer<S>> {
  return parseInput(schema, Object.fromEntries(new URL(req.url).searchParams));
}
