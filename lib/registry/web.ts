// Parses web-hosted references: GitHub releases, DOIs and plain https URLs.
import { parseDigest, type Sha256Digest } from "@/lib/registry/digest";
import { fail, type ParseResult } from "@/lib/registry/result";
import type { DoiRef, GithubReleaseRef, UrlRef } from "@/lib/registry/types";

const DOI = /^10\.[0-9]{4,9}(?:\.[0-9]+)*\/\S+$/;
const GITHUB_OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const GITHUB_REPO = /^[A-Za-z0-9._-]{1,100}$/;
const FRAGMENT_DIGEST = /^(sha1|sha224|sha256|sha384|sha512|md5|blake2b|blake3)[=:](.*)$/i;

export const DOI_HOSTS = new Set(["doi.org", "dx.doi.org", "www.doi.org"]);

/** Reads `#sha256=<hex>` from a URL fragment; other fragments are not digests and yield undefined. */
export function parseFragmentDigest(fragment: string): ParseResult<Sha256Digest | undefined> {
  const match = FRAGMENT_DIGEST.exec(fragment.replace(/^#/, ""));
  if (!match) return { ok: true, value: undefined };
  const parsed = parseDigest(`${match[1] ?? ""}:${match[2] ?? ""}`);
  if (parsed.ok) return parsed;
  return fail(parsed.code === "UNSUPPORTED_ALGORITHM" ? parsed.code : "BAD_DIGEST", parsed.message);
}

export function parseDoi(raw: string): ParseResult<DoiRef> {
  const doi = raw.toLowerCase();
  if (!DOI.test(doi)) {
    return fail("BAD_DOI", `'${raw}' is not a DOI; a DOI looks like 10.5281/zenodo.1234567 (10.<4-9 digits>/<suffix>).`);
  }
  const url = `https://doi.org/${encodeURI(doi).replaceAll("#", "%23").replaceAll("?", "%3F")}`;
  return {
    ok: true,
    value: { kind: "doi", doi, normalized: url, pinned: true, pin: { type: "doi", value: doi }, display: doi, url },
  };
}

export function parseDoiUrl(url: URL): ParseResult<DoiRef> {
  let path: string;
  try {
    path = decodeURIComponent(url.pathname.slice(1));
  } catch {
    return fail("BAD_URL", `The DOI link ${url.href} is not valid percent-encoding.`);
  }
  return parseDoi(path);
}

/** Returns undefined when the GitHub URL is not a release page or asset, so it can be treated as a plain URL. */
export function parseGithubReleaseUrl(url: URL, digest: Sha256Digest | undefined): ParseResult<GithubReleaseRef> | undefined {
  let segments: string[];
  try {
    segments = url.pathname.split("/").filter(Boolean).map(decodeURIComponent);
  } catch {
    return fail("BAD_URL", `The GitHub link ${url.href} is not valid percent-encoding.`);
  }
  const [owner = "", repo = "", releases, view, tag = "", asset, ...extra] = segments;
  if (releases !== "releases" || extra.length > 0) return undefined;
  const isTagPage = view === "tag" && tag !== "" && asset === undefined;
  const isAsset = view === "download" && tag !== "" && asset !== undefined;
  if (!isTagPage && !isAsset) return undefined;
  if (!GITHUB_OWNER.test(owner) || !GITHUB_REPO.test(repo)) {
    return fail("BAD_GITHUB_RELEASE", `'${owner}/${repo}' is not a valid GitHub owner/repository.`);
  }
  const base = `https://github.com/${owner}/${repo}/releases`;
  if (isTagPage) {
    if (digest) {
      return fail("DIGEST_NOT_APPLICABLE", "A sha256 can only pin a downloadable file; link the release asset (/releases/download/<tag>/<file>) instead of the tag page.");
    }
    const href = `${base}/tag/${encodeURIComponent(tag)}`;
    return {
      ok: true,
      value: {
        kind: "github-release", owner, repo, tag, normalized: href, pinned: false, display: `${owner}/${repo} ${tag}`, url: href,
        mutableReason: `tag '${tag}' can be moved to another commit and release assets can be replaced`,
      },
    };
  }
  const file = asset ?? "";
  const href = `${base}/download/${encodeURIComponent(tag)}/${encodeURIComponent(file)}`;
  const value: GithubReleaseRef = {
    kind: "github-release", owner, repo, tag, asset: file,
    normalized: digest ? `${href}#sha256=${digest.slice("sha256:".length)}` : href,
    pinned: digest !== undefined, display: `${owner}/${repo} ${tag}: ${file}`, url: href,
  };
  if (digest) {
    value.digest = digest;
    value.pin = { type: "digest", value: digest };
  } else {
    value.mutableReason = `release asset '${file}' can be replaced and tag '${tag}' can be moved; add #sha256=<digest> to pin it`;
  }
  return { ok: true, value };
}

export function parsePlainUrl(url: URL, digest: Sha256Digest | undefined): ParseResult<UrlRef> {
  const host = url.hostname;
  if (!(host.includes(".") || host.includes(":") || host === "localhost")) {
    return fail("BAD_URL", `'${url.href}' does not have a full host name (e.g. example.org).`);
  }
  const clean = new URL(url.href);
  clean.hash = "";
  const href = clean.href;
  const value: UrlRef = {
    kind: "url",
    host,
    normalized: digest ? `${href}#sha256=${digest.slice("sha256:".length)}` : href,
    pinned: digest !== undefined,
    display: displayUrl(clean),
    url: href,
  };
  if (digest) {
    value.digest = digest;
    value.pin = { type: "digest", value: digest };
  } else {
    value.mutableReason = "the content behind a URL can change; add #sha256=<digest> to pin it";
  }
  return { ok: true, value };
}

function displayUrl(url: URL): string {
  const full = `${url.host}${url.pathname === "/" ? "" : url.pathname}`;
  if (full.length <= 60) return full;
  const last = url.pathname.split("/").filter(Boolean).at(-1) ?? "";
  return `${url.host}/…/${last}`;
}
