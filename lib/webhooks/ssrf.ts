// Where a webhook may be sent: only to public addresses, checked after DNS resolution, unless the operator's
// allowlist (CW_WEBHOOK_ALLOW_HOSTS) names the host or address. The HTTP request connects through
// `guardedLookup`, so the address that was checked is the one connected to (a DNS rebind cannot swap it).
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { isIP } from "node:net";

export type AddressClass = "public" | "loopback" | "private" | "cgnat" | "link-local" | "unspecified" | "multicast" | "unique-local" | "reserved";

const describeClass: Record<Exclude<AddressClass, "public">, string> = {
  loopback: "a loopback address",
  private: "a private network address",
  cgnat: "a shared (carrier-grade NAT) address",
  "link-local": "a link-local address",
  unspecified: "an unspecified address",
  multicast: "a multicast address",
  "unique-local": "a unique local IPv6 address",
  reserved: "a reserved address",
};

function ipv4Class(address: string): AddressClass {
  const [a, b, c] = address.split(".").map(Number) as [number, number, number, number];
  if (a === 0) return "unspecified";
  if (a === 127) return "loopback";
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return "private";
  if (a === 100 && b >= 64 && b <= 127) return "cgnat";
  if (a === 169 && b === 254) return "link-local";
  if (a >= 224 && a <= 239) return "multicast";
  // IETF protocol assignments, documentation, benchmarking, class E and broadcast.
  if ((a === 192 && b === 0 && (c === 0 || c === 2)) || (a === 198 && (b === 18 || b === 19)) || (a === 198 && b === 51 && c === 100) || (a === 203 && b === 0 && c === 113) || a >= 240) {
    return "reserved";
  }
  return "public";
}

/** The eight 16-bit groups of an IPv6 address (with an embedded dotted IPv4 tail, if any, folded in). */
function ipv6Groups(address: string): number[] {
  let text = address.split("%")[0]!.toLowerCase();
  const dotted = text.match(/(\d+\.\d+\.\d+\.\d+)$/);
  if (dotted) {
    const [a, b, c, d] = dotted[1]!.split(".").map(Number) as [number, number, number, number];
    text = text.slice(0, -dotted[1]!.length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes("::") ? text.split("::") : [text, undefined];
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const fill = tail === undefined ? [] : Array(8 - left.length - right.length).fill("0");
  return [...left, ...fill, ...right].map((group) => parseInt(group || "0", 16));
}

function ipv6Class(address: string): AddressClass {
  const g = ipv6Groups(address);
  const zeroUntil = (n: number) => g.slice(0, n).every((x) => x === 0);
  const embeddedV4 = () => `${g[6]! >> 8}.${g[6]! & 255}.${g[7]! >> 8}.${g[7]! & 255}`;
  if (zeroUntil(8)) return "unspecified";
  if (zeroUntil(7) && g[7] === 1) return "loopback";
  // IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) carry an IPv4 address.
  if (zeroUntil(5) && g[5] === 0xffff) return ipv4Class(embeddedV4());
  if (zeroUntil(6)) return ipv4Class(embeddedV4());
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return ipv4Class(embeddedV4());
  const first = g[0]!;
  if ((first & 0xfe00) === 0xfc00) return "unique-local";
  if ((first & 0xffc0) === 0xfe80) return "link-local";
  if ((first & 0xffc0) === 0xfec0) return "private"; // site-local, deprecated but still routed internally
  if ((first & 0xff00) === 0xff00) return "multicast";
  if (first === 0x2001 && g[1] === 0xdb8) return "reserved"; // documentation
  if (first === 0x100 && zeroUntil(4)) return "reserved"; // discard-only
  return "public";
}

/** The kind of address an IP literal is; anything not an IP is "reserved" (never connected to). */
export function classifyAddress(address: string): AddressClass {
  const version = isIP(address);
  if (version === 4) return ipv4Class(address);
  if (version === 6) return ipv6Class(address);
  return "reserved";
}

/** CW_WEBHOOK_ALLOW_HOSTS as a set: host names (lowercase) and IP addresses. */
export function parseAllowlist(value: string | undefined): Set<string> {
  return new Set((value ?? "").split(",").map((entry) => entry.trim().toLowerCase().replace(/^\[|\]$/g, "")).filter(Boolean));
}

const bare = (hostname: string) => hostname.toLowerCase().replace(/^\[|\]$/g, "");

/** Why an address may not be connected to for this host, or null when it may. */
export function addressRefusal(hostname: string, address: string, allow: ReadonlySet<string>): string | null {
  const kind = classifyAddress(address);
  if (kind === "public" || allow.has(bare(hostname)) || allow.has(address.toLowerCase())) return null;
  const named = bare(hostname) === address ? address : `${bare(hostname)} (${address})`;
  return `Webhooks go only to public addresses: ${named} is ${describeClass[kind]}. An operator can allow it with CW_WEBHOOK_ALLOW_HOSTS.`;
}

/** The URL's own rules: https, unless the allowlist names its host (a test receiver on 127.0.0.1, say). */
export function urlRefusal(url: URL, allow: ReadonlySet<string>): string | null {
  if (url.protocol === "https:") return null;
  if (url.protocol === "http:" && allow.has(bare(url.hostname))) return null;
  return "Webhook addresses must start with https:// (plain http only for hosts in CW_WEBHOOK_ALLOW_HOSTS).";
}

type Resolve = (hostname: string) => Promise<string[]>;
const resolveAll: Resolve = (hostname) =>
  new Promise((resolve, reject) => dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses.map((a) => a.address)))));

/** Checks a target before it is saved or posted to: its scheme, then every address its host resolves to. */
export async function targetRefusal(rawUrl: string, allow: ReadonlySet<string>, resolve: Resolve = resolveAll): Promise<string | null> {
  const url = new URL(rawUrl);
  const byUrl = urlRefusal(url, allow);
  if (byUrl) return byUrl;
  const hostname = bare(url.hostname);
  let addresses: string[];
  try {
    addresses = isIP(hostname) ? [hostname] : await resolve(hostname);
  } catch {
    return `The host ${hostname} could not be found in DNS.`;
  }
  if (addresses.length === 0) return `The host ${hostname} has no address.`;
  for (const address of addresses) {
    const refusal = addressRefusal(hostname, address, allow);
    if (refusal) return refusal;
  }
  return null;
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http(s).request: resolves, refuses unless every address passes, and hands the socket only the
 * checked addresses. (Node does not call lookup for an IP literal: targetRefusal has checked those already.)
 */
export function guardedLookup(allow: ReadonlySet<string>) {
  return (hostname: string, options: { all?: boolean }, callback: LookupCallback): void => {
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const refused = addresses.map((a) => addressRefusal(hostname, a.address, allow)).find(Boolean);
      if (refused || addresses.length === 0) {
        return callback(Object.assign(new Error(refused ?? `The host ${hostname} has no address.`), { code: "EWEBHOOKTARGET" }), []);
      }
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}
