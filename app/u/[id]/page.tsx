import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { currentActor } from "@/lib/auth/session";
import { roleTone, type Role } from "@/lib/roles";
import { viewProfile } from "@/lib/users/use-cases/view-profile";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";
import { ProfileActivity } from "@/components/people/profile-activity";

type Props = { params: Promise<{ id: string }> };

const idPattern = /^[A-Za-z0-9_-]{1,64}$/;

async function load(id: string) {
  if (!idPattern.test(id)) notFound();
  const view = await viewProfile(await currentActor(), { userId: id });
  // Nobody with that id, or nobody the viewer may see: the same 404.
  if (!view.ok) notFound();
  return view.data;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const view = await load((await params).id);
  return { title: view.profile.name ?? "Profile" };
}

export default async function ProfilePage({ params }: Props) {
  const view = await load((await params).id);
  const { profile, providers, activity, names, titles, self } = view;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <Card>
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0">
            <h1 className="break-words text-2xl font-bold" data-testid="profile-heading">
              {profile.name ?? "Unnamed person"}
            </h1>
            <p className="mt-1 text-sm text-muted">
              On Commonweights since <LocalTime at={profile.createdAt} style="date" />
            </p>
          </div>
          {self ? (
            <Link href="/settings#display-name" className={buttonClass("secondary")}>
              Edit your name
            </Link>
          ) : null}
        </div>
        <div className="mt-4 flex flex-wrap items-center gap-2 text-sm">
          <span className="text-muted">Signs in with</span>
          {profile.isDemo ? <Badge tone="warn">demo account</Badge> : null}
          {providers.length ? providers.map((name) => <Badge key={name} tone="brand">{name}</Badge>) : profile.isDemo ? null : <span>no linked provider</span>}
        </div>
      </Card>

      <Card>
        <CardTitle>Spaces</CardTitle>
        {profile.memberships.length ? (
          <ul className="divide-y divide-zinc-200 dark:divide-zinc-800" aria-label="Spaces">
            {profile.memberships.map((m) => (
              <li key={m.space.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                <Link href={`/s/${m.space.slug}`} className="font-medium text-brand-700 underline underline-offset-2 dark:text-brand-500">
                  {m.space.name}
                </Link>
                <span className="flex items-center gap-2 text-xs text-muted">
                  <Badge tone={roleTone[m.role as Role] ?? "neutral"}>{m.role}</Badge>
                  {m.space.visibility === "private" ? <Badge>private</Badge> : null}
                  since <LocalTime at={m.joinedAt} style="date" />
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState title={self ? "You are not in any space yet" : "No spaces you can see"} />
        )}
      </Card>

      <Card>
        <CardTitle>Recent actions</CardTitle>
        {activity.length ? (
          <ProfileActivity activity={activity} names={names} titles={titles} />
        ) : (
          <EmptyState title="Nothing recorded yet" />
        )}
      </Card>
    </div>
  );
}
