import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDigest, parseRegistryRef, registryKinds, type RegistryRef } from "@/lib/registry/rules";

const SHA = "0e9e39f249a16976918f6564b8830bc894c89659";
const DIGEST = "6a1f0b5c9e2d4387b0c1d2e3f4a5b6c7d8e9f00112233445566778899aabbccd";

type Accepted = [input: string, kind: RegistryRef["kind"], normalized: string, pinned: boolean];

const accepted: Accepted[] = [
  // Hugging Face
  [`hf://meta-llama/Llama-3.1-8B@${SHA}`, "huggingface", `hf://meta-llama/Llama-3.1-8B@${SHA}`, true],
  [`hf://meta-llama/Llama-3.1-8B@${SHA.toUpperCase()}`, "huggingface", `hf://meta-llama/Llama-3.1-8B@${SHA}`, true],
  ["hf://mistralai/Mistral-7B-v0.3@main", "huggingface", "hf://mistralai/Mistral-7B-v0.3@main", false],
  ["hf://mistralai/Mistral-7B-v0.3", "huggingface", "hf://mistralai/Mistral-7B-v0.3@main", false],
  ["hf://Qwen/Qwen2.5-7B-Instruct@v1.0", "huggingface", "hf://Qwen/Qwen2.5-7B-Instruct@v1.0", false],
  [`hf://datasets/HuggingFaceFW/fineweb@${SHA}`, "huggingface", `hf://datasets/HuggingFaceFW/fineweb@${SHA}`, true],
  ["hf://datasets/allenai/c4", "huggingface", "hf://datasets/allenai/c4@main", false],
  [`hf://google/gemma-2-9b@${SHA}/config.json`, "huggingface", `hf://google/gemma-2-9b@${SHA}/config.json`, true],
  ["https://huggingface.co/meta-llama/Llama-3.1-8B", "huggingface", "hf://meta-llama/Llama-3.1-8B@main", false],
  [`https://huggingface.co/meta-llama/Llama-3.1-8B/tree/${SHA}`, "huggingface", `hf://meta-llama/Llama-3.1-8B@${SHA}`, true],
  ["https://huggingface.co/meta-llama/Llama-3.1-8B/tree/main", "huggingface", "hf://meta-llama/Llama-3.1-8B@main", false],
  [
    `https://huggingface.co/meta-llama/Llama-3.1-8B/blob/${SHA}/original/params.json`,
    "huggingface",
    `hf://meta-llama/Llama-3.1-8B@${SHA}/original/params.json`,
    true,
  ],
  [
    `https://huggingface.co/TheBloke/Llama-2-7B-GGUF/resolve/${SHA}/llama-2-7b.Q4_K_M.gguf?download=true`,
    "huggingface",
    `hf://TheBloke/Llama-2-7B-GGUF@${SHA}/llama-2-7b.Q4_K_M.gguf`,
    true,
  ],
  [`https://huggingface.co/datasets/HuggingFaceFW/fineweb/tree/${SHA}`, "huggingface", `hf://datasets/HuggingFaceFW/fineweb@${SHA}`, true],
  ["https://huggingface.co/datasets/allenai/c4", "huggingface", "hf://datasets/allenai/c4@main", false],
  ["https://huggingface.co/datasets/allenai/c4/tree/refs%2Fconvert%2Fparquet", "huggingface", "hf://datasets/allenai/c4@refs%2Fconvert%2Fparquet", false],
  [`https://hf.co/openai-community/gpt2/commit/${SHA}`, "huggingface", `hf://openai-community/gpt2@${SHA}`, true],
  ["huggingface.co/openai-community/gpt2", "huggingface", "hf://openai-community/gpt2@main", false],
  // OCI
  ["ghcr.io/acme/models/orca:2.1", "oci", "ghcr.io/acme/models/orca:2.1", false],
  [`ghcr.io/acme/models/orca@sha256:${DIGEST}`, "oci", `ghcr.io/acme/models/orca@sha256:${DIGEST}`, true],
  [`ghcr.io/acme/models/orca:2.1@sha256:${DIGEST.toUpperCase()}`, "oci", `ghcr.io/acme/models/orca@sha256:${DIGEST}`, true],
  ["ghcr.io/acme/models/orca", "oci", "ghcr.io/acme/models/orca:latest", false],
  ["oci://registry.example.org/ml/llama-guard:3-1b", "oci", "registry.example.org/ml/llama-guard:3-1b", false],
  ["localhost:5000/team/model:dev", "oci", "localhost:5000/team/model:dev", false],
  ["localhost/team/model", "oci", "localhost/team/model:latest", false],
  ["GHCR.IO/acme/orca:2.1", "oci", "ghcr.io/acme/orca:2.1", false],
  ["index.docker.io/library/python:3.12-slim", "oci", "docker.io/library/python:3.12-slim", false],
  // GitHub releases
  ["https://github.com/ggml-org/llama.cpp/releases/tag/b4500", "github-release", "https://github.com/ggml-org/llama.cpp/releases/tag/b4500", false],
  [
    "https://github.com/ggml-org/llama.cpp/releases/download/b4500/llama-b4500-bin-ubuntu-x64.zip",
    "github-release",
    "https://github.com/ggml-org/llama.cpp/releases/download/b4500/llama-b4500-bin-ubuntu-x64.zip",
    false,
  ],
  [
    `https://github.com/ggml-org/llama.cpp/releases/download/b4500/llama-b4500-bin-ubuntu-x64.zip#sha256=${DIGEST.toUpperCase()}`,
    "github-release",
    `https://github.com/ggml-org/llama.cpp/releases/download/b4500/llama-b4500-bin-ubuntu-x64.zip#sha256=${DIGEST}`,
    true,
  ],
  // Ollama
  ["llama3.1:8b", "ollama", "ollama://library/llama3.1:8b", false],
  ["library/mistral:7b", "ollama", "ollama://library/mistral:7b", false],
  ["huihui_ai/deepseek-r1-abliterated:14b", "ollama", "ollama://huihui_ai/deepseek-r1-abliterated:14b", false],
  ["ollama://qwen2.5-coder", "ollama", "ollama://library/qwen2.5-coder:latest", false],
  [`llama3.1:8b@sha256:${DIGEST}`, "ollama", `ollama://library/llama3.1@sha256:${DIGEST}`, true],
  // DOI
  ["10.5281/zenodo.1234567", "doi", "https://doi.org/10.5281/zenodo.1234567", true],
  ["https://doi.org/10.5281/zenodo.1234567", "doi", "https://doi.org/10.5281/zenodo.1234567", true],
  ["doi:10.48550/arXiv.2407.21783", "doi", "https://doi.org/10.48550/arxiv.2407.21783", true],
  ["https://dx.doi.org/10.1038/s41586-024-07566-y", "doi", "https://doi.org/10.1038/s41586-024-07566-y", true],
  // Plain URLs
  [
    `https://models.example.org/orca/2.1/orca-2.1.safetensors#sha256=${DIGEST}`,
    "url",
    `https://models.example.org/orca/2.1/orca-2.1.safetensors#sha256=${DIGEST}`,
    true,
  ],
  ["https://models.example.org/orca/2.1/orca-2.1.safetensors", "url", "https://models.example.org/orca/2.1/orca-2.1.safetensors", false],
  ["https://github.com/ggml-org/llama.cpp", "url", "https://github.com/ggml-org/llama.cpp", false],
  ["https://Models.Example.ORG:443/a#readme", "url", "https://models.example.org/a", false],
];

describe("parseRegistryRef: accepted references", () => {
  it.each(accepted)("%s → %s", (input, kind, normalized, pinned) => {
    const result = parseRegistryRef(input);
    expect(result).toMatchObject({ ok: true, value: { kind, normalized, pinned } });
    if (!result.ok) return;
    expect(result.value.display.length).toBeGreaterThan(0);
    if (pinned) {
      expect(result.value.pin).toBeDefined();
      expect(result.value.mutableReason).toBeUndefined();
    } else {
      expect(result.value.pin).toBeUndefined();
      expect(result.value.mutableReason).toMatch(/\w/);
    }
    if (result.value.url !== undefined) expect(result.value.url).toMatch(/^https:\/\//);
  });

  it.each(accepted)("normalising %s is idempotent", (input) => {
    const first = parseRegistryRef(input);
    if (!first.ok) throw new Error(first.message);
    const second = parseRegistryRef(first.value.normalized);
    expect(second).toMatchObject({ ok: true, value: { kind: first.value.kind, normalized: first.value.normalized } });
  });
});

describe("parseRegistryRef: kind-specific fields", () => {
  it("splits a Hugging Face file URL into repo, revision and path", () => {
    const result = parseRegistryRef(`https://huggingface.co/datasets/HuggingFaceFW/fineweb/blob/${SHA}/data/CC-MAIN-2024-10/000_00000.parquet`);
    expect(result).toMatchObject({
      ok: true,
      value: {
        kind: "huggingface",
        repoType: "dataset",
        repo: "HuggingFaceFW/fineweb",
        owner: "HuggingFaceFW",
        revision: SHA,
        path: "data/CC-MAIN-2024-10/000_00000.parquet",
        pin: { type: "commit", value: SHA },
        display: "dataset HuggingFaceFW/fineweb@0e9e39f (data/CC-MAIN-2024-10/000_00000.parquet)",
      },
    });
  });

  it.each([
    ["hf://meta-llama/Llama-3.1-8B@main", "branch 'main' moves with every push"],
    ["ghcr.io/acme/models/orca:2.1", "tag '2.1' can be moved to a different image; pin with @sha256:<digest>"],
    ["https://github.com/ggml-org/llama.cpp/releases/tag/b4500", "tag 'b4500' can be moved to another commit and release assets can be replaced"],
  ])("explains why %s is mutable", (input, reason) => {
    expect(parseRegistryRef(input)).toMatchObject({ ok: true, value: { mutableReason: reason } });
  });

  it("records an OCI digest pin and keeps the tag as information", () => {
    expect(parseRegistryRef(`ghcr.io/acme/models/orca:2.1@sha256:${DIGEST}`)).toMatchObject({
      ok: true,
      value: { registry: "ghcr.io", repository: "acme/models/orca", tag: "2.1", digest: `sha256:${DIGEST}`, pin: { type: "digest", value: `sha256:${DIGEST}` } },
    });
  });

  it("gives Docker Hub and Ollama references browsable URLs", () => {
    expect(parseRegistryRef("docker.io/library/ubuntu:24.04")).toMatchObject({ ok: true, value: { url: "https://hub.docker.com/_/ubuntu" } });
    expect(parseRegistryRef("llama3.1:8b")).toMatchObject({
      ok: true,
      value: { namespace: "library", model: "llama3.1", tag: "8b", display: "llama3.1:8b", url: "https://ollama.com/library/llama3.1:8b" },
    });
  });

  it("pins DOIs by their lowercased name", () => {
    expect(parseRegistryRef("10.5281/ZENODO.1234567")).toMatchObject({
      ok: true,
      value: { doi: "10.5281/zenodo.1234567", pin: { type: "doi", value: "10.5281/zenodo.1234567" }, url: "https://doi.org/10.5281/zenodo.1234567" },
    });
  });

  it("exports every kind it can produce", () => {
    expect([...registryKinds].sort()).toEqual(["doi", "github-release", "huggingface", "oci", "ollama", "url"]);
  });
});

const refused: [input: string, code: string][] = [
  ["", "EMPTY"],
  ["   \n\t", "EMPTY"],
  ["meta llama 3", "UNRECOGNISED"],
  ["!!!", "UNRECOGNISED"],
  ["mistral", "UNRECOGNISED"],
  ["http://models.example.org/orca.safetensors", "INSECURE_URL"],
  ["http://huggingface.co/meta-llama/Llama-3.1-8B", "INSECURE_URL"],
  ["ftp://mirror.example.org/orca.bin", "UNSUPPORTED_SCHEME"],
  ["s3://bucket/models/orca.bin", "UNSUPPORTED_SCHEME"],
  [`ghcr.io/acme/models/orca@sha256:${DIGEST.slice(0, 63)}`, "BAD_DIGEST"],
  [`ghcr.io/acme/models/orca@sha256:${DIGEST.slice(0, 63)}z`, "BAD_DIGEST"],
  [`ghcr.io/acme/models/orca@sha512:${DIGEST}${DIGEST}`, "UNSUPPORTED_ALGORITHM"],
  [`https://models.example.org/orca.bin#sha256=${DIGEST}00`, "BAD_DIGEST"],
  [`https://models.example.org/orca.bin#sha512=${DIGEST}`, "UNSUPPORTED_ALGORITHM"],
  ["hf://meta-llama/Llama-3.1-8B@0e9e39f", "BAD_COMMIT"],
  [`hf://meta-llama/Llama-3.1-8B@${SHA.slice(0, 39)}`, "BAD_COMMIT"],
  [`hf://meta-llama/Llama-3.1-8B@${SHA.slice(0, 39)}g`, "BAD_COMMIT"],
  ["https://huggingface.co/meta-llama/Llama-3.1-8B/commit/main", "BAD_COMMIT"],
  ["hf://meta-llama/Llama-3.1-8B@", "BAD_REVISION"],
  ["https://huggingface.co/meta-llama/Llama-3.1-8B/tree", "BAD_REVISION"],
  ["hf://meta-llama", "BAD_HF_REPO"],
  ["https://huggingface.co/meta-llama", "BAD_HF_REPO"],
  ["hf://meta-llama/Llama-3.1-8B/extra@main", "BAD_HF_REPO"],
  ["https://huggingface.co/meta-llama/Llama-3.1-8B/discussions/12", "BAD_HF_URL"],
  ["https://huggingface.co/spaces/gradio/hello_world", "UNSUPPORTED_HF_REPO_TYPE"],
  [`hf://meta-llama/Llama-3.1-8B@main#sha256=${DIGEST}`, "DIGEST_NOT_APPLICABLE"],
  [`https://github.com/ggml-org/llama.cpp/releases/tag/b4500#sha256=${DIGEST}`, "DIGEST_NOT_APPLICABLE"],
  ["ghcr.io/Acme/Orca:2.1", "BAD_REPOSITORY"],
  ["ghcr.io/acme/orca:-bad", "BAD_TAG"],
  ["oci://registry/acme/orca:1", "BAD_REGISTRY"],
  ["ollama://team/sub/model:1", "BAD_OLLAMA_NAME"],
  ["10.12/too-short-prefix", "BAD_DOI"],
  ["https://doi.org/not-a-doi", "BAD_DOI"],
  ["https://deploy:hunter2@models.example.org/orca.bin", "URL_HAS_CREDENTIALS"],
  ["https://intranet/orca.bin", "BAD_URL"],
  [`https://models.example.org/${"a".repeat(2100)}`, "TOO_LONG"],
];

describe("parseRegistryRef: refusals", () => {
  it.each(refused)("refuses %j with %s", (input, code) => {
    const result = parseRegistryRef(input);
    expect(result).toMatchObject({ ok: false, code });
    if (!result.ok) expect(result.message).toMatch(/^[A-Z'"h].*[.]$/s);
  });

  it("says how long a truncated digest is", () => {
    expect(parseRegistryRef(`ghcr.io/acme/orca@sha256:${DIGEST.slice(0, 40)}`)).toMatchObject({
      ok: false,
      message: expect.stringContaining("has 40"),
    });
  });
});

describe("parseDigest", () => {
  it.each([
    [`sha256:${DIGEST}`, `sha256:${DIGEST}`],
    [`SHA256:${DIGEST.toUpperCase()}`, `sha256:${DIGEST}`],
    [DIGEST, `sha256:${DIGEST}`],
    [`  sha256:${DIGEST}\n`, `sha256:${DIGEST}`],
  ])("accepts %s", (input, expected) => {
    expect(parseDigest(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ["", "EMPTY", "empty"],
    [`sha512:${DIGEST}${DIGEST}`, "UNSUPPORTED_ALGORITHM", "sha512"],
    [`md5:${DIGEST.slice(0, 32)}`, "UNSUPPORTED_ALGORITHM", "md5"],
    [`sha256:${DIGEST.slice(0, 62)}`, "BAD_DIGEST_LENGTH", "64 hex characters, but this one has 62"],
    [`sha256:${DIGEST}ab`, "BAD_DIGEST_LENGTH", "has 66"],
    [`sha256:${DIGEST.slice(0, 63)}x`, "BAD_DIGEST_CHARS", "'x'"],
    [`sha256: ${DIGEST}`, "BAD_DIGEST_CHARS", "' '"],
  ])("refuses %s with %s", (input, code, fragment) => {
    const result = parseDigest(input);
    expect(result).toMatchObject({ ok: false, code });
    if (!result.ok) expect(result.message).toContain(fragment);
  });

  it("normalises any 64-hex string, in any case, to one lowercase form", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9a-fA-F]{64}$/), fc.boolean(), (hex, prefixed) => {
        const result = parseDigest(prefixed ? `sha256:${hex}` : hex);
        expect(result).toEqual({ ok: true, value: `sha256:${hex.toLowerCase()}` });
      }),
    );
  });

  it("refuses every hex string that is not 64 characters long", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9a-f]{1,128}$/).filter((hex) => hex.length !== 64),
        (hex) => {
          expect(parseDigest(`sha256:${hex}`)).toMatchObject({ ok: false, code: "BAD_DIGEST_LENGTH" });
        },
      ),
    );
  });
});

describe("parseRegistryRef: invariants", () => {
  it("pins a Hugging Face reference exactly when the revision is a full commit sha", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z][a-z0-9-]{1,20}$/),
        fc.stringMatching(/^[A-Za-z][A-Za-z0-9._-]{0,30}[A-Za-z0-9]$/),
        fc.oneof(fc.stringMatching(/^[0-9a-f]{40}$/), fc.constantFrom("main", "v1.0", "release-2024")),
        (owner, name, revision) => {
          const result = parseRegistryRef(`hf://${owner}/${name}@${revision}`);
          expect(result).toMatchObject({ ok: true, value: { pinned: /^[0-9a-f]{40}$/.test(revision) } });
        },
      ),
    );
  });

  it("never throws, whatever the input", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (input) => {
        const result = parseRegistryRef(input);
        expect(typeof result.ok).toBe("boolean");
        if (result.ok) expect(result.value.pinned).toBe(result.value.pin !== undefined);
      }),
    );
  });
});
