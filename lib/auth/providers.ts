// The identity providers this instance offers, chosen by environment variables.
import type { Provider } from "next-auth/providers";
import GitHub from "next-auth/providers/github";
import GitLab from "next-auth/providers/gitlab";
import HuggingFace from "next-auth/providers/huggingface";
import type { AppEnv, ProviderId } from "@/lib/env";

export type ProviderInfo = { id: ProviderId; name: string };

export function providerInfo(env: AppEnv): ProviderInfo[] {
  const list: ProviderInfo[] = [];
  if (env.AUTH_GITHUB_ID) list.push({ id: "github", name: "GitHub" });
  if (env.AUTH_GITLAB_ID) list.push({ id: "gitlab", name: "GitLab" });
  if (env.AUTH_HUGGINGFACE_ID) list.push({ id: "huggingface", name: "Hugging Face" });
  if (env.AUTH_OIDC_ISSUER) list.push({ id: "oidc", name: env.AUTH_OIDC_NAME || "OpenID Connect" });
  return list;
}

export function buildProviders(env: AppEnv): Provider[] {
  const providers: Provider[] = [];
  if (env.AUTH_GITHUB_ID) {
    providers.push(GitHub({ clientId: env.AUTH_GITHUB_ID, clientSecret: env.AUTH_GITHUB_SECRET }));
  }
  if (env.AUTH_GITLAB_ID) {
    const baseUrl = env.AUTH_GITLAB_URL ? env.AUTH_GITLAB_URL.replace(/\/?$/, "/") : undefined;
    providers.push(GitLab({ clientId: env.AUTH_GITLAB_ID, clientSecret: env.AUTH_GITLAB_SECRET, baseUrl }));
  }
  if (env.AUTH_HUGGINGFACE_ID) {
    providers.push(HuggingFace({ clientId: env.AUTH_HUGGINGFACE_ID, clientSecret: env.AUTH_HUGGINGFACE_SECRET }));
  }
  if (env.AUTH_OIDC_ISSUER) {
    providers.push({
      id: "oidc",
      name: env.AUTH_OIDC_NAME || "OpenID Connect",
      type: "oidc",
      issuer: env.AUTH_OIDC_ISSUER,
      clientId: env.AUTH_OIDC_ID,
      clientSecret: env.AUTH_OIDC_SECRET,
      checks: ["pkce", "state", "nonce"],
    });
  }
  return providers;
}
