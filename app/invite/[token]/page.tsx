import type { Metadata } from "next";
import Link from "next/link";
import { currentActor } from "@/lib/auth/session";
import { findInvitationByHash } from "@/lib/members/data";
import { checkInvitation } from "@/lib/members/rules";
import { hashToken } from "@/lib/tokens/rules";
import { withArticle } from "@/lib/roles";
import { Card } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { AcceptInvitation } from "@/components/members/accept-invitation";
import { LocalTime } from "@/components/ui/local-time";

export const metadata: Metadata = { title: "Invitation" };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [actor, invitation] = await Promise.all([currentActor(), findInvitationByHash(hashToken(token))]);
  const check = checkInvitation(invitation, new Date());
  return (
    <div className="mx-auto max-w-md py-8">
      <Card>
        {!check.ok || !invitation ? (
          <>
            <h1 className="text-xl font-bold">This invitation cannot be used</h1>
            <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{check.ok ? "" : check.message} Ask for a new link.</p>
          </>
        ) : (
          <>
            <h1 className="text-xl font-bold">You are invited to {invitation.space.name}</h1>
            <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
              You would join as <strong>{withArticle(invitation.role)}</strong>. The link works once and
              expires <LocalTime at={invitation.expiresAt} />.
            </p>
            <div className="mt-5">
              {actor ? (
                <AcceptInvitation token={token} spaceName={invitation.space.name} />
              ) : (
                <Link href={`/signin?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`} className={buttonClass("primary")}>
                  Sign in to accept
                </Link>
              )}
            </div>
          </>
        )}
      </Card>
    </div>
  );
}
