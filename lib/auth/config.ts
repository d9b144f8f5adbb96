// Auth.js: federated sign-in with database sessions. The only module that builds the auth handlers.
import NextAuth from "next-auth";
import { PrismaAdapter } from "@auth/prisma-adapter";
import type { Adapter } from "next-auth/adapters";
import { db } from "@/lib/db";
import { appEnv } from "@/lib/env";
import { buildProviders } from "@/lib/auth/providers";
import { claimImportedIdentity } from "@/lib/auth/mutations";

// Auth.js stores the provider's kind with each account: OpenID Connect providers, or plain OAuth 2.
const accountType = (provider: string) => (provider === "oidc" || provider === "huggingface" ? "oidc" : "oauth");

/** Auth.js's Prisma adapter, where an account nobody has yet may belong to a person who arrived with an archive. */
function adapter(): Adapter {
  const base = PrismaAdapter(db as unknown as Parameters<typeof PrismaAdapter>[0]) as Adapter;
  return {
    ...base,
    async getUserByAccount(account) {
      const known = await base.getUserByAccount!(account);
      if (known) return known;
      const claimed = await claimImportedIdentity({ provider: account.provider, providerAccountId: account.providerAccountId, type: accountType(account.provider) });
      return claimed ? { ...claimed, email: claimed.email ?? "" } : null;
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const env = appEnv();
  return {
    // The generated client lives at a custom path; its delegates are the ones the adapter expects.
    adapter: adapter(),
    session: { strategy: "database", maxAge: 30 * 24 * 3600, updateAge: 24 * 3600 },
    secret: env.AUTH_SECRET,
    trustHost: env.AUTH_TRUST_HOST || env.NODE_ENV !== "production" || undefined,
    providers: buildProviders(env),
    pages: { signIn: "/signin", error: "/signin" },
    callbacks: {
      session({ session, user }) {
        // Expose the user id to the app; everything else about the user is read from the database.
        return { ...session, user: { ...session.user, id: user.id } };
      },
    },
  };
});
