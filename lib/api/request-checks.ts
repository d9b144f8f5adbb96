// Pure checks of a raw HTTP request at the API boundary: media type, UTF-8, and same-origin writes.

const writeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export const isWriteMethod = (method: string) => writeMethods.has(method.toUpperCase());

/**
 * JSON bodies only: application/json or application/<x>+json, optionally with charset=utf-8
 * (JSON is UTF-8 by RFC 8259; another charset is refused rather than misread).
 */
export function isJsonMediaType(contentType: string | null): boolean {
  if (!contentType) return false;
  const [type = "", ...params] = contentType.split(";").map((part) => part.trim().toLowerCase());
  if (type !== "application/json" && !/^application\/[a-z0-9!#$&^_.+-]+\+json$/.test(type)) return false;
  return params.every((param) => {
    const [name, value = ""] = param.split("=").map((s) => s.trim());
    return name !== "charset" || value.replace(/^"|"$/g, "") === "utf-8";
  });
}

/** Decodes bytes as strict UTF-8: null when they are not (instead of U+FFFD replacing what was sent). */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

export type OriginSettings = {
  /** AUTH_URL: the app's public address, when configured. */
  authUrl?: string;
  /** AUTH_TRUST_HOST (or not production): a proxy in front sets X-Forwarded-Host. */
  trustForwardedHost: boolean;
};

function originOf(value: string): URL | null {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url : null;
  } catch {
    return null;
  }
}

/**
 * Whether a browser sent this request from the app's own pages. A cross-site page can set neither
 * Sec-Fetch-Site, Origin nor Host/X-Forwarded-Host on a victim's request, so comparing them is sound.
 * Accepted: Sec-Fetch-Site "same-origin"; or an Origin equal to AUTH_URL's or the request URL's origin,
 * or whose host is the request's Host (or, behind a trusted proxy, X-Forwarded-Host).
 * Refused: another Origin, "Origin: null" (sandboxed frames, some redirects), and no Origin at all.
 */
export function isSameOriginRequest(req: { url: string; headers: Headers }, settings: OriginSettings): boolean {
  if (req.headers.get("sec-fetch-site")?.toLowerCase() === "same-origin") return true;
  const header = req.headers.get("origin");
  const origin = header ? originOf(header) : null;
  if (!origin) return false;
  const exact = [settings.authUrl, req.url].flatMap((value) => (value ? [originOf(value)?.origin] : []));
  if (exact.includes(origin.origin)) return true;
  const hosts = [req.headers.get("host")];
  if (settings.trustForwardedHost) hosts.push(req.headers.get("x-forwarded-host")?.split(",")[0] ?? null);
  return hosts.some((host) => host?.trim().toLowerCase() === origin.host);
}

/** Cookies are the only ambient credential here: a request with no Cookie header cannot act as anyone. */
export const carriesCookies = (headers: Headers) => Boolean(headers.get("cookie")?.trim());
