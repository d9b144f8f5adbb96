// Per-request Content-Security-Policy with a nonce: scripts run only if Next.js stamped them.
// Authorization never happens here; server actions and routes check the policy themselves.
import { NextResponse, type NextRequest } from "next/server";

export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // React and Tailwind set style attributes; styles cannot run code, scripts are what CSP guards here.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: https:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * Next.js checks a server action's Origin against the host, but runs one that has no Origin at all.
 * Pages take POSTs only as server actions (fetch with Next-Action, or a no-JS multipart form post):
 * a POST without a usable Origin is refused before it reaches one. /api routes check their own writes.
 */
export function refusesOriginlessPost(method: string, headers: Headers): boolean {
  if (method.toUpperCase() !== "POST") return false;
  const origin = headers.get("origin")?.trim();
  return !origin || origin === "null";
}

export function proxy(request: NextRequest) {
  if (refusesOriginlessPost(request.method, request.headers)) {
    return Response.json(
      { error: { code: "CROSS_SITE_REQUEST", message: "A form or server action post must come from this site's own pages." } },
      { status: 403 },
    );
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  // Next.js reads the policy from the request to put the nonce on its own scripts.
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!api|_next/static|_next/image|favicon.ico|icon.svg).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
