// The C2SP origin of each log (docs/preserve.md): `<host>` for the instance log, `<host>/s/<slug>` for a space's.
// The host is CW_ORIGIN_HOST, else the host of AUTH_URL, else "localhost" (the local demo). A log keeps the origin
// of its first signed note for good (stored on every checkpoint row), so changing the variable later renames
// only logs that have no note yet: witnesses know a log by its origin, and a new origin would be a new log to them.
import { isKeyName } from "@/lib/record/note";

export const DEFAULT_ORIGIN_HOST = "localhost";

/** Why a CW_ORIGIN_HOST value is unusable, or null when it is fine. */
export function originHostProblem(host: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(host)) return "must be schema-less (governance.example.org, not https://governance.example.org)";
  if (!isKeyName(host) || host.length > 200) return "must be a host name (optionally with a path) without spaces or '+'";
  return null;
}

export function originHost(env: Record<string, string | undefined> = process.env): string {
  const configured = env.CW_ORIGIN_HOST?.trim().replace(/\/+$/, "");
  if (configured && !originHostProblem(configured)) return configured;
  if (env.AUTH_URL && URL.canParse(env.AUTH_URL)) return new URL(env.AUTH_URL).host;
  return DEFAULT_ORIGIN_HOST;
}

/** The origin a log gets when its first note is signed: instance log (no slug) or a space's by its slug. */
export function newLogOrigin(slug: string | null, host = originHost()): string {
  return slug === null ? host : `${host}/s/${slug}`;
}
