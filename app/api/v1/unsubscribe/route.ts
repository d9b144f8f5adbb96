// RFC 8058 one-click unsubscribe: a mail client POSTs here with no session, no cookies and no Origin of ours.
// Not an apiRoute: the signed token is the authorization, so the session and cross-site checks do not apply
// (and proxy.ts, which refuses page POSTs without an Origin, does not run on /api).
import { errorResponse } from "@/lib/api/handler";
import { errorResult } from "@/lib/action";
import { unsubscribeInput } from "@/lib/notifications/schema";
import { unsubscribe } from "@/lib/notifications/use-cases/unsubscribe";
import { parseInput } from "@/lib/validation";

export async function POST(req: Request): Promise<Response> {
  try {
    const parsed = parseInput(unsubscribeInput, { token: new URL(req.url).searchParams.get("token") ?? "" });
    if (!parsed.ok) return errorResponse(parsed.error);
    const result = await unsubscribe(parsed.data);
    return result.ok ? Response.json(result.data) : errorResponse(result.error);
  } catch (error) {
    const result = errorResult(error);
    return errorResponse(result.ok ? { code: "INTERNAL", message: "unexpected", kind: "internal" } : result.error);
  }
}
