// Parses any model-release reference string into a normalised, pin-aware RegistryRef.
import { HF_HOSTS, parseHfScheme, parseHfUrl } from "@/lib/registry/huggingface";
import { looksLikeRegistryHost, parseOciReference, parseOllamaReference } from "@/lib/registry/oci";
import { fail, type ParseResult } from "@/lib/registry/result";
import type { RegistryRef } from "@/lib/registry/types";
import { DOI_HOSTS, parseDoi, parseDoiUrl, parseFragmentDigest, parseGithubReleaseUrl, parsePlainUrl } from "@/lib/registry/web";

export { parseDigest, type Sha256Digest } from "@/lib/registry/digest";
export type { ParseResult } from "@/lib/registry/result";
export {
  registryKinds,
  type DoiRef,
  type GithubReleaseRef,
  type HuggingFaceRef,
  type OciRef,
  type OllamaRef,
  type RegistryKind,
  type RegistryPin,
  type RegistryRef,
  type UrlRef,
} from "@/lib/registry/types";

const MAX_REFERENCE_LENGTH = 2048;
const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;
/** Hosts people often paste without a scheme; they are web pages, never OCI registries. */
const WEB_HOSTS_WITHOUT_SCHEME = /^(?:www\.)?(?:huggingface\.co|github\.com|doi\.org|dx\.doi\.org)\//i;

export function parseRegistryRef(input: string): ParseResult<RegistryRef> {
  const trimmed = input.trim();
  if (trimmed === "") return fail("EMPTY", "The reference is empty; paste a model, image, release, DOI or URL reference.");
  if (trimmed.length > MAX_REFERENCE_LENGTH) {
    return fail("TOO_LONG", `The reference is ${trimmed.length} characters long; references are limited to ${MAX_REFERENCE_LENGTH}.`);
  }
  if (/\s/.test(trimmed)) return fail("UNRECOGNISED", "The reference contains spaces; paste a single identifier or URL.");

  const scheme = SCHEME.exec(trimmed)?.[1]?.toLowerCase();
  const rest = scheme === undefined ? trimmed : trimmed.slice(scheme.length + 3);
  switch (scheme) {
    case undefined:
      return parseBare(trimmed);
    case "https":
      return parseHttps(trimmed);
    case "http":
      return fail("INSECURE_URL", "Plain http:// links can be tampered with in transit; use the https:// address instead.");
    case "hf":
      return parseHfWithFragment(rest);
    case "oci":
      return parseOciReference(rest);
    case "ollama":
      return parseOllamaReference(rest, true);
    default:
      return fail("UNSUPPORTED_SCHEME", `'${scheme}://' references are not supported; use hf://, oci://, ollama:// or https://.`);
  }
}

function parseBare(input: string): ParseResult<RegistryRef> {
  if (/^doi:/i.test(input)) return parseDoi(input.slice("doi:".length));
  if (/^10\.[0-9]/.test(input)) return parseDoi(input);
  if (WEB_HOSTS_WITHOUT_SCHEME.test(input)) return parseHttps(`https://${input}`);
  const slash = input.indexOf("/");
  if (slash !== -1 && looksLikeRegistryHost(input.slice(0, slash))) return parseOciReference(input);
  return parseOllamaReference(input, false);
}

function parseHttps(input: string): ParseResult<RegistryRef> {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return fail("BAD_URL", `'${input}' is not a valid URL.`);
  }
  if (url.username !== "" || url.password !== "") {
    return fail("URL_HAS_CREDENTIALS", "The URL contains a user name or password; remove the credentials before sharing it.");
  }
  const fragment = parseFragmentDigest(url.hash);
  if (!fragment.ok) return fragment;
  const digest = fragment.value;
  const host = url.hostname.toLowerCase();

  if (HF_HOSTS.has(host)) {
    if (digest) return hfDigestNotApplicable();
    return parseHfUrl(url);
  }
  if (DOI_HOSTS.has(host)) return parseDoiUrl(url);
  if (host === "github.com" || host === "www.github.com") {
    const release = parseGithubReleaseUrl(url, digest);
    if (release) return release;
  }
  return parsePlainUrl(url, digest);
}

function parseHfWithFragment(rest: string): ParseResult<RegistryRef> {
  const hash = rest.indexOf("#");
  if (hash === -1) return parseHfScheme(rest);
  const fragment = parseFragmentDigest(rest.slice(hash));
  if (!fragment.ok) return fragment;
  if (fragment.value) return hfDigestNotApplicable();
  return parseHfScheme(rest.slice(0, hash));
}

function hfDigestNotApplicable(): ParseResult<never> {
  return fail(
    "DIGEST_NOT_APPLICABLE",
    "Hugging Face references are pinned by commit, not by a file digest; use hf://<org>/<name>@<40-character commit sha>.",
  );
}
