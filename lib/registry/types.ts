// Shapes of parsed model-release references (Hugging Face, OCI, GitHub, Ollama, DOI, URL).
import type { Sha256Digest } from "@/lib/registry/digest";

export const registryKinds = ["huggingface", "oci", "github-release", "ollama", "doi", "url"] as const;
export type RegistryKind = (typeof registryKinds)[number];

export type RegistryPin = { type: "commit" | "digest" | "doi"; value: string };

type RefCommon = {
  /** Canonical string form; two inputs naming the same thing normalise to the same string. */
  normalized: string;
  pinned: boolean;
  pin?: RegistryPin;
  /** Short human label. */
  display: string;
  /** Browsable https URL, where one exists. */
  url?: string;
  /** Why the reference can change under us; set only when it is not pinned. */
  mutableReason?: string;
};

export type HuggingFaceRef = RefCommon & {
  kind: "huggingface";
  repoType: "model" | "dataset";
  /** `org/name` */
  repo: string;
  owner: string;
  name: string;
  revision: string;
  /** File inside the repository, when the reference names one. */
  path?: string;
};

export type OciRef = RefCommon & {
  kind: "oci";
  registry: string;
  repository: string;
  tag?: string;
  digest?: Sha256Digest;
};

export type GithubReleaseRef = RefCommon & {
  kind: "github-release";
  owner: string;
  repo: string;
  tag: string;
  /** Release asset file name, for download URLs. */
  asset?: string;
  digest?: Sha256Digest;
};

export type OllamaRef = RefCommon & {
  kind: "ollama";
  namespace: string;
  model: string;
  tag: string;
  digest?: Sha256Digest;
};

export type DoiRef = RefCommon & {
  kind: "doi";
  /** Lowercased DOI name, e.g. `10.5281/zenodo.1234567`. */
  doi: string;
};

export type UrlRef = RefCommon & {
  kind: "url";
  host: string;
  digest?: Sha256Digest;
};

export type RegistryRef = HuggingFaceRef | OciRef | GithubReleaseRef | OllamaRef | DoiRef | UrlRef;
