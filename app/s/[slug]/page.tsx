import type { Metadata } from "next";
import { loadSpacePage } from "./load";
import { listSpaceEvents, subjectTitles } from "@/lib/record/data";
import { spaceCounts } from "@/lib/spaces/data";
import { findPendingJoinRequest } from "@/lib/members/data";
import { namesFor } from "@/lib/users/data";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Markdown } from "@/components/ui/markdown";
import { EventList } from "@/components/record/event-list";
import { JoinRequestButton } from "@/components/members/join-request-button";
import { SignInToJoin } from "@/components/spaces/not-allowed";
import { LatestItems } from "@/components/spaces/latest-items";
import { listReleases } from "@/lib/releases/data";
import { listSpaceReports } from "@/lib/audits/data";
import { spaceDecisions } from "@/lib/decisions/use-cases/space-decisions";
import { watchesOf } from "@/lib/notifications/data";
import { WatchButton } from "@/components/notifications/watch-button";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { space } = await loadSpacePage((await params).slug);
  return { title: space.name };
}

export default async function SpaceOverviewPage({ params }: Props) {
  const { slug } = await params;
  const { actor, space, role } = await loadSpacePage(slug);
  const [counts, events, pendingRequest, releases, audits, { decisions }, watches] = await Promise.all([
    spaceCounts(space.id),
    listSpaceEvents(space.id, { limit: 12 }),
    actor && !role ? findPendingJoinRequest(space.id, actor.id) : null,
    listReleases(space.id, { take: 4 }),
    listSpaceReports(space.id, { take: 4 }),
    spaceDecisions(actor, slug, { open: { take: 4 } }),
    actor ? watchesOf(actor.id, space.id) : ({} as Record<string, boolean>),
  ]);
  // Members hear their space by default; an explicit watch or mute wins.
  const spaceWatch: boolean | undefined = watches[""];
  const [names, titles] = await Promise.all([
    namesFor(events.map((e) => e.actorId).concat(events.map((e) => ((e.subject ?? {}) as { userId?: string }).userId ?? null))),
    subjectTitles(space.id, events),
  ]);
  const links = [
    space.homepageUrl && { label: "Homepage", href: space.homepageUrl },
    space.sourceUrl && { label: "Source", href: space.sourceUrl },
    space.hfOrg && { label: `Hugging Face: ${space.hfOrg}`, href: `https://huggingface.co/${space.hfOrg}` },
  ].filter((l): l is { label: string; href: string } => Boolean(l));

  return (
    <div className="space-y-6">
    <LatestItems slug={space.slug} releases={releases} audits={audits} decisions={decisions} />
    <div className="grid gap-6 lg:grid-cols-3">
      <div className="space-y-6 lg:col-span-2">
        <Card>
          {space.description ? <Markdown>{space.description}</Markdown> : <p className="text-sm text-muted">No description yet.</p>}
          {links.length ? (
            <ul className="mt-4 flex flex-wrap gap-4 text-sm">
              {links.map((link) => (
                <li key={link.href}>
                  <a href={link.href} rel="noopener noreferrer" className="text-brand-700 underline underline-offset-2 dark:text-brand-500">
                    {link.label}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
          {actor ? (
            <div className="mt-5 border-t border-zinc-200 pt-4 dark:border-zinc-800">
              <WatchButton spaceSlug={space.slug} watching={spaceWatch ?? role !== null} explicit={spaceWatch !== undefined} what="space" />
            </div>
          ) : null}
          {actor && !role && space.visibility === "public" ? (
            <div className="mt-5 border-t border-zinc-200 pt-4 dark:border-zinc-800">
              <JoinRequestButton spaceSlug={space.slug} pending={Boolean(pendingRequest)} />
            </div>
          ) : null}
          {!actor && space.visibility === "public" ? (
            <p className="mt-5 border-t border-zinc-200 pt-4 text-sm text-muted dark:border-zinc-800" data-testid="sign-in-to-join">
              <SignInToJoin callbackPath={`/s/${space.slug}`} purpose="to take part" />
            </p>
          ) : null}
        </Card>
        <Card>
          <CardTitle>Recent history</CardTitle>
          {events.length ? (
            <EventList
              events={events.map((e) => ({ ...e, id: e.id.toString(), createdAt: e.createdAt.toISOString() }))}
              names={Object.fromEntries(names)}
              titles={titles}
              spaceSlug={space.slug}
            />
          ) : (
            <EmptyState title="Nothing recorded yet" />
          )}
        </Card>
      </div>
      <aside className="space-y-6">
        <Card>
          <CardTitle>At a glance</CardTitle>
          <dl className="grid grid-cols-2 gap-3 text-sm">
            <div>
              <dt className="text-muted">Members</dt>
              <dd className="text-2xl font-semibold" data-testid="member-count">{counts.members}</dd>
            </div>
            <div>
              <dt className="text-muted">Recorded events</dt>
              <dd className="text-2xl font-semibold">{counts.events}</dd>
            </div>
          </dl>
        </Card>
      </aside>
    </div>
    </div>
  );
}
