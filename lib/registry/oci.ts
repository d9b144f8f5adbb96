// Parses OCI image references and Ollama model names (both tag-or-digest addressed).
import { parseDigest, shortDigest, type Sha256Digest } from "@/lib/registry/digest";
import { fail, type ParseResult } from "@/lib/registry/result";
import type { OciRef, OllamaRef } from "@/lib/registry/types";

const HOST_LABEL = "[a-z0-9](?:[a-z0-9-]*[a-z0-9])?";
const REGISTRY = new RegExp(`^${HOST_LABEL}(?:\\.${HOST_LABEL})*(?::[0-9]{1,5})?$`);
const REPO_COMPONENT = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
const OLLAMA_PART = /^[a-z0-9][a-z0-9._-]{0,79}$/;
const DOCKER_HUB_ALIASES = new Set(["index.docker.io", "registry-1.docker.io", "registry.hub.docker.com"]);

/** Docker's rule: the first path component is a registry host only if it has a dot, a port or is localhost. */
export function looksLikeRegistryHost(segment: string): boolean {
  return segment.includes(".") || segment.includes(":") || segment.toLowerCase() === "localhost";
}

export function parseOciReference(input: string): ParseResult<OciRef> {
  const split = splitDigest(input);
  if (!split.ok) return split;
  const { name, digest } = split.value;
  const slash = name.indexOf("/");
  if (slash === -1) {
    return fail("BAD_REPOSITORY", `'${name}' has no repository path; expected <registry>/<repository>[:tag], e.g. ghcr.io/acme/model:1.0.`);
  }
  let registry = name.slice(0, slash).toLowerCase();
  if (!REGISTRY.test(registry) || !looksLikeRegistryHost(registry)) {
    return fail("BAD_REGISTRY", `'${registry}' is not a registry host; it needs a dot or a port (e.g. ghcr.io, localhost:5000) or must be localhost.`);
  }
  if (DOCKER_HUB_ALIASES.has(registry)) registry = "docker.io";
  const path = name.slice(slash + 1);
  const colon = path.lastIndexOf(":");
  const repository = colon === -1 ? path : path.slice(0, colon);
  const explicitTag = colon === -1 ? undefined : path.slice(colon + 1);
  if (explicitTag !== undefined && !TAG.test(explicitTag)) {
    return fail("BAD_TAG", `'${explicitTag}' is not a valid tag; tags are up to 128 letters, digits, '_', '.' or '-' and cannot start with '.' or '-'.`);
  }
  const repositoryError = checkRepository(repository);
  if (repositoryError) return fail("BAD_REPOSITORY", repositoryError);

  const tag = explicitTag ?? (digest ? undefined : "latest");
  const base = `${registry}/${repository}`;
  const ref: OciRef = {
    kind: "oci",
    registry,
    repository,
    ...(tag ? { tag } : {}),
    normalized: digest ? `${base}@${digest}` : `${base}:${tag}`,
    pinned: digest !== undefined,
    display: `${base}${tag ? `:${tag}` : ""}${digest ? `@${shortDigest(digest)}` : ""}`,
    ...browsableOciUrl(registry, repository),
  };
  if (digest) {
    ref.digest = digest;
    ref.pin = { type: "digest", value: digest };
  } else {
    ref.mutableReason = explicitTag
      ? `tag '${explicitTag}' can be moved to a different image; pin with @sha256:<digest>`
      : "no tag or digest was given, so this means tag 'latest', which moves with every push";
  }
  return { ok: true, value: ref };
}

/** `explicit` is true when the input carried an `ollama://` prefix, so the user clearly meant Ollama. */
export function parseOllamaReference(input: string, explicit: boolean): ParseResult<OllamaRef> {
  const split = splitDigest(input.toLowerCase());
  if (!split.ok) return split;
  const { name, digest } = split.value;
  const colon = name.lastIndexOf(":");
  const path = colon === -1 ? name : name.slice(0, colon);
  const explicitTag = colon === -1 ? undefined : name.slice(colon + 1);
  const segments = path.split("/");
  const [first = "", second] = segments;
  const namespace = second === undefined ? "library" : first;
  const model = second ?? first;
  const valid =
    segments.length <= 2 &&
    OLLAMA_PART.test(namespace) &&
    OLLAMA_PART.test(model) &&
    (explicitTag === undefined || TAG.test(explicitTag));
  if (!valid) {
    return explicit
      ? fail("BAD_OLLAMA_NAME", `'${input}' is not an Ollama model name; expected [namespace/]name:tag, e.g. llama3.1:8b.`)
      : unrecognised(input);
  }
  if (explicitTag === undefined && !digest && !explicit) return unrecognised(input);

  const tag = explicitTag ?? "latest";
  const shortName = namespace === "library" ? model : `${namespace}/${model}`;
  const ref: OllamaRef = {
    kind: "ollama",
    namespace,
    model,
    tag,
    normalized: digest ? `ollama://${namespace}/${model}@${digest}` : `ollama://${namespace}/${model}:${tag}`,
    pinned: digest !== undefined,
    display: `${shortName}:${tag}${digest ? `@${shortDigest(digest)}` : ""}`,
    url: `https://ollama.com/${namespace}/${model}:${tag}`,
  };
  if (digest) {
    ref.digest = digest;
    ref.pin = { type: "digest", value: digest };
  } else {
    ref.mutableReason = `Ollama tag '${tag}' can be re-pushed to point at different weights; append @sha256:<digest> to pin it`;
  }
  return { ok: true, value: ref };
}

function splitDigest(input: string): ParseResult<{ name: string; digest?: Sha256Digest }> {
  const at = input.lastIndexOf("@");
  if (at === -1) return { ok: true, value: { name: input } };
  const parsed = parseDigest(input.slice(at + 1));
  if (!parsed.ok) {
    const code = parsed.code === "UNSUPPORTED_ALGORITHM" ? parsed.code : "BAD_DIGEST";
    return fail(code, parsed.message);
  }
  return { ok: true, value: { name: input.slice(0, at), digest: parsed.value } };
}

function checkRepository(repository: string): string | undefined {
  if (repository === "") return "The repository path is empty; expected <registry>/<repository>.";
  if (repository !== repository.toLowerCase()) return `OCI repository names must be lowercase, but '${repository}' is not.`;
  const bad = repository.split("/").find((component) => !REPO_COMPONENT.test(component));
  if (bad !== undefined) {
    return `'${bad || "(empty)"}' is not a valid repository path component; use lowercase letters and digits separated by '.', '_' or '-'.`;
  }
  return undefined;
}

function browsableOciUrl(registry: string, repository: string): { url?: string } {
  if (registry === "docker.io") {
    return repository.startsWith("library/")
      ? { url: `https://hub.docker.com/_/${repository.slice("library/".length)}` }
      : { url: `https://hub.docker.com/r/${repository}` };
  }
  if (registry === "quay.io") return { url: `https://quay.io/repository/${repository}` };
  return {};
}

function unrecognised(input: string): ParseResult<never> {
  return fail(
    "UNRECOGNISED",
    `'${input}' is not a reference we recognise. Use hf://<org>/<name>@<commit>, <registry>/<repo>@sha256:<digest>, an Ollama name:tag, a DOI, or an https:// URL.`,
  );
}
