// Parses Hugging Face references (hf:// and huggingface.co URLs) into pinned or mutable refs.
import { fail, type ParseResult } from "@/lib/registry/result";
import type { HuggingFaceRef } from "@/lib/registry/types";

type RepoType = HuggingFaceRef["repoType"];
type HfParts = { repoType: RepoType; owner: string; name: string; revision: string; path?: string };

const REPO_PART = /^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,94}[A-Za-z0-9_-])?$/;
const COMMIT = /^[0-9a-f]{40}$/i;
const REVISION = /^[A-Za-z0-9._/-]+$/;
const FILE_VIEWS = new Set(["tree", "blob", "resolve", "commit"]);

export const HF_HOSTS = new Set(["huggingface.co", "www.huggingface.co", "hf.co"]);

/** `rest` is everything after `hf://`, e.g. `datasets/org/name@rev/path`. */
export function parseHfScheme(rest: string): ParseResult<HuggingFaceRef> {
  const typed = splitRepoType(rest.replace(/\/+$/, ""));
  if (!typed.ok) return typed;
  const { repoType, remainder } = typed.value;
  const at = remainder.indexOf("@");
  const repoPart = at === -1 ? remainder : remainder.slice(0, at);
  const [owner = "", name = "", ...extra] = repoPart.split("/");
  // Without '@' anything after org/name is a file path on the default branch.
  if (at !== -1 && extra.length > 0) return badRepo(repoPart);
  const [rawRevision = "", ...rawPath] = at === -1 ? ["main", ...extra] : remainder.slice(at + 1).split("/");
  const decoded = [rawRevision, ...rawPath].map(safeDecode).filter((part) => part !== undefined);
  if (decoded.length !== rawPath.length + 1) {
    return fail("BAD_HF_REPO", `'hf://${rest}' contains invalid percent-encoding.`);
  }
  const [revision = "", ...path] = decoded;
  return buildHfRef({ repoType, owner, name, revision, path: path.join("/") || undefined });
}

export function parseHfUrl(url: URL): ParseResult<HuggingFaceRef> {
  const segments: string[] = [];
  for (const raw of url.pathname.split("/").filter(Boolean)) {
    const decoded = safeDecode(raw);
    if (decoded === undefined) return fail("BAD_URL", `The URL path segment '${raw}' is not valid percent-encoding.`);
    segments.push(decoded);
  }
  const typed = splitRepoType(segments.join("/"));
  if (!typed.ok) return typed;
  const { repoType } = typed.value;
  const rest = repoType === "dataset" ? segments.slice(1) : segments;
  const [owner = "", name = "", view, revision, ...path] = rest;
  if (rest.length < 2) {
    return fail("BAD_HF_REPO", `${url.href} is not a repository page; link to https://huggingface.co/<org>/<name>.`);
  }
  if (view === undefined) return buildHfRef({ repoType, owner, name, revision: "main" });
  if (!FILE_VIEWS.has(view)) {
    return fail(
      "BAD_HF_URL",
      `The Hugging Face page '/${view}' does not name a revision; link to the repository, a /tree/<revision> page or a /blob/<revision>/<file> page.`,
    );
  }
  if (revision === undefined) return fail("BAD_REVISION", `The URL ends at /${view}/ without naming a revision.`);
  if (view === "commit" && !COMMIT.test(revision)) {
    return fail("BAD_COMMIT", `A /commit/ URL must end in a 40-character commit sha, not '${revision}'.`);
  }
  return buildHfRef({ repoType, owner, name, revision, path: path.join("/") || undefined });
}

function splitRepoType(input: string): ParseResult<{ repoType: RepoType; remainder: string }> {
  const [first] = input.split("/");
  if (first === "spaces") {
    return fail("UNSUPPORTED_HF_REPO_TYPE", "Hugging Face Spaces are apps, not releasable artifacts; reference a model or dataset repository.");
  }
  if (first === "datasets") return { ok: true, value: { repoType: "dataset", remainder: input.slice("datasets/".length) } };
  if (first === "models") return { ok: true, value: { repoType: "model", remainder: input.slice("models/".length) } };
  return { ok: true, value: { repoType: "model", remainder: input } };
}

function buildHfRef(parts: HfParts): ParseResult<HuggingFaceRef> {
  const { repoType, owner, name, path } = parts;
  if (!REPO_PART.test(owner) || !REPO_PART.test(name)) return badRepo(`${owner}/${name}`);
  const revisionCheck = checkRevision(parts.revision);
  if (!revisionCheck.ok) return revisionCheck;
  const revision = revisionCheck.value;
  const pinned = COMMIT.test(revision);
  const prefix = repoType === "dataset" ? "datasets/" : "";
  const repo = `${owner}/${name}`;
  const filePart = path ? `/${path.split("/").map(encodeURIComponent).join("/")}` : "";
  const url = `https://huggingface.co/${prefix}${repo}/${path ? "blob" : "tree"}/${encodeURIComponent(revision)}${filePart}`;
  const shown = pinned ? revision.slice(0, 7) : revision;
  return {
    ok: true,
    value: {
      kind: "huggingface",
      repoType,
      repo,
      owner,
      name,
      revision,
      ...(path ? { path } : {}),
      normalized: `hf://${prefix}${repo}@${revision.replaceAll("/", "%2F")}${filePart}`,
      pinned,
      ...(pinned
        ? { pin: { type: "commit" as const, value: revision } }
        : { mutableReason: mutableReason(revision) }),
      display: `${repoType === "dataset" ? "dataset " : ""}${repo}@${shown}${path ? ` (${path})` : ""}`,
      url,
    },
  };
}

function checkRevision(revision: string): ParseResult<string> {
  if (revision === "") return fail("BAD_REVISION", "The revision after '@' is empty; give a 40-character commit sha or a branch name.");
  if (COMMIT.test(revision)) return { ok: true, value: revision.toLowerCase() };
  const looksLikeSha =
    /^[0-9a-f]{7,}$/i.test(revision) && /[0-9]/.test(revision) && /[a-f]/i.test(revision);
  if (looksLikeSha) {
    return fail(
      "BAD_COMMIT",
      `The revision '${revision}' looks like a commit sha but has ${revision.length} characters; Hugging Face pins need the full 40-character sha.`,
    );
  }
  if (revision.length === 40 && /^[0-9a-z]+$/i.test(revision) && /[0-9]/.test(revision)) {
    return fail("BAD_COMMIT", `The revision '${revision}' looks like a commit sha but contains characters that are not hexadecimal.`);
  }
  if (!REVISION.test(revision) || revision.includes("..") || revision.startsWith("/") || revision.endsWith("/")) {
    return fail("BAD_REVISION", `'${revision}' is not a valid branch, tag or commit name.`);
  }
  return { ok: true, value: revision };
}

function mutableReason(revision: string): string {
  if (revision === "main" || revision === "master") return `branch '${revision}' moves with every push`;
  return `revision '${revision}' is a branch or tag name, which can be moved; pin a 40-character commit sha`;
}

function badRepo(repo: string): ParseResult<never> {
  return fail("BAD_HF_REPO", `'${repo}' is not a Hugging Face repository id; expected <org>/<name>, e.g. meta-llama/Llama-3.1-8B.`);
}

function safeDecode(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}
