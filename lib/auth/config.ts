// Auth.js: federated sign-in with database sessions. The only module that builds the auth handlers.
import NextAuth from "next-auth";
import { PrismaAdapter } from "@auth/prisma-adapter";
import type { Adapter } from "next-auth/adapters";
import { db } from "@/lib/db";
import { appEnv } from "@/lib/env";
import { buildProviders } from "@/lib/auth/providers";

export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const env = appEnv();
  return {
    // The generated client lives at a custom path; its delegates are the ones the adapter expects.
    adapter: PrismaAdapter(db as unknown as Parameters<typeof PrismaAdapter>[0]) as Adapter,
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
