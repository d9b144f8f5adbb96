import { NextResponse } from "next/server";
import { demoSignIn } from "@/lib/auth/demo-login";
import { sessionCookieName } from "@/lib/auth/cookies";
import { safeCallbackPath } from "@/lib/auth/callback";
import { errorResponse } from "@/lib/api/handler";
import { limitSignIn } from "@/lib/rate-limit/guards";

export const dynamic = "force-dynamic";

export async function POST(req: Request) {
  // A cross-site form must not be able to sign a visitor in as someone else.
  const origin = req.headers.get("origin");
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  if (origin && host && new URL(origin).host !== host) {
    return errorResponse({ code: "CROSS_SITE", message: "Demo sign-in must come from this site.", kind: "forbidden" });
  }
  const limited = await limitSignIn(req);
  if (limited) return limited;
  const form = await req.formData().catch(() => null);
  const result = await demoSignIn(String(form?.get("userId") ?? ""));
  if (!result.ok) return errorResponse(result.error);

  const proto = req.headers.get("x-forwarded-proto") ?? new URL(req.url).protocol.replace(":", "");
  const secure = proto === "https";
  const target = safeCallbackPath(String(form?.get("callbackUrl") ?? "/"));
  const response = NextResponse.redirect(new URL(target, origin ?? `${proto}://${host}`), 303);
  response.cookies.set(sessionCookieName(secure), result.data.sessionToken, {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    expires: result.data.expires,
  });
  return response;
}
