// The issuer behind each sign-in provider id, so that an account can be named across instances by (issuer, subject):
// "github" here and "github" on another instance are the same GitHub, but "oidc" is whatever AUTH_OIDC_ISSUER says.
import { createHash } from "node:crypto";

type IssuerEnv = Record<string, string | undefined>;

export function issuerOf(provider: string, env: IssuerEnv = process.env): string {
  switch (provider) {
    case "github":
      return "https://github.com";
    case "gitlab":
      return (env.AUTH_GITLAB_URL || "https://gitlab.com").replace(/\/+$/, "");
    case "huggingface":
      return "https://huggingface.co";
    case "oidc":
      return (env.AUTH_OIDC_ISSUER ?? "oidc").replace(/\/+$/, "");
    default:
      return provider;
  }
}

/** sha256(issuer "\n" subject): how an archive names a person's sign-in account without the account itself. */
export function identityHash(issuer: string, subject: string): string {
  return createHash("sha256").update(`${issuer}\n${subject}`).digest("hex");
}
