import type { Metadata } from "next";
import type { ReactNode } from "react";
import { headers } from "next/headers";
import "./globals.css";
import { Providers } from "@/app/providers";
import { SiteHeader } from "@/components/layout/site-header";
import { SiteFooter } from "@/components/layout/site-footer";
import { currentActor } from "@/lib/auth/session";
import { unreadCount } from "@/lib/notifications/use-cases/inbox";

export const metadata: Metadata = {
  title: { default: "Commonweights", template: "%s · Commonweights" },
  description: "Where open-source AI communities govern their models: releases, audits, votes and a verifiable record.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Reading the request makes every page dynamic, which the per-request CSP nonce requires.
  await headers();
  const actor = await currentActor();
  const unread = actor ? await unreadCount(actor) : null;
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 dark:focus:bg-zinc-900">
          Skip to content
        </a>
        <Providers>
          <SiteHeader actor={actor} unread={unread?.ok ? unread.data.unread : 0} />
          <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
            {children}
          </main>
        </Providers>
        <SiteFooter />
      </body>
    </html>
  );
}
