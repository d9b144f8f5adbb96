import type { Metadata } from "next";
import Link from "next/link";
import { loadSpacePage } from "../load";
import { listMembers } from "@/lib/members/data";
import { recentEventTypes, searchBacklogSize } from "@/lib/record/data";
import { historyFilters, historyQuery, type HistoryQuery } from "@/lib/record/schema";
import { spaceHistory } from "@/lib/history/use-cases/space-history";
import { limitHistorySearch } from "@/lib/rate-limit/guards";
import { buttonClass } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { HistoryFilters } from "@/components/record/history-filters";
import { HistoryTimeline, toTimelineItem } from "@/components/record/history-timeline";
import { publicName } from "@/lib/users/public-name";

export const metadata: Metadata = { title: "History" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

function pageHref(base: string, query: HistoryQuery, before?: string): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...query, before })) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `${base}?${text}` : base;
}

export default async function HistoryPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { actor, space } = await loadSpacePage(slug);
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = historyQuery.safeParse(raw);
  const query: HistoryQuery = parsed.success ? parsed.data : historyQuery.parse({});
  // Full-text search is the expensive read here: over the limit, the page shows the history without it.
  const searchRefused = query.q ? await limitHistorySearch(actor) : null;
  const [history, types, members, unsearchable] = await Promise.all([
    spaceHistory(actor, slug, historyFilters(searchRefused ? { ...query, q: undefined } : query), { before: query.before ? BigInt(query.before) : undefined, limit: 50 }),
    recentEventTypes(space.id),
    listMembers(space.id),
    query.q && !searchRefused ? searchBacklogSize(space.id) : 0,
  ]);
  const base = `/s/${space.slug}/history`;
  const filtered = Boolean(query.type || query.actor || query.subject || query.from || query.to || query.q);
  const api = `/api/v1/spaces/${space.slug}`;

  return (
    <div className="space-y-6">
      <Card>
        <CardTitle
          action={
            <div className="flex flex-wrap gap-2">
              <a href={`${api}/events.ndjson`} className={buttonClass("secondary")} download>
                Download the log
              </a>
              <a href={`${api}/feed.atom`} className={buttonClass("ghost")}>
                Atom feed
              </a>
              <a href={`/s/${space.slug}/checkpoint`} className={buttonClass("ghost")} title="The latest checkpoint as a C2SP signed note, with witnesses' cosignatures">
                Signed checkpoint
              </a>
            </div>
          }
        >
          History
        </CardTitle>
        <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">
          Everything that happened in this space, newest first. Each event has a fixed position in a signed, append-only log: download it
          and check it yourself with <code className="font-mono">npm run verify -- {space.slug}-events.ndjson</code>.
        </p>
        <HistoryFilters
          action={base}
          query={query}
          types={types}
          actors={members.map((m) => ({ id: m.userId, name: publicName(m.user) }))}
        />
        {!parsed.success ? (
          <p role="alert" className="mt-3 text-sm text-red-700 dark:text-red-300">
            Some filters were not understood and were ignored (dates are YYYY-MM-DD).
          </p>
        ) : null}
        {searchRefused ? (
          <p role="alert" className="mt-3 text-sm text-red-700 dark:text-red-300">
            The search was not run. {searchRefused}
          </p>
        ) : null}
        {unsearchable > 0 ? (
          <p role="status" className="mt-3 text-sm text-amber-800 dark:text-amber-300">
            Search is still indexing this space&apos;s imported history (up to {unsearchable.toLocaleString("en")} events to go), so it may miss
            older events for a little while.
          </p>
        ) : null}
      </Card>
      <Card>
        {history.events.length ? (
          <HistoryTimeline events={history.events.map(toTimelineItem)} names={history.names} titles={history.titles} spaceSlug={space.slug} />
        ) : (
          <EmptyState title={filtered ? "No events match these filters" : "Nothing has happened here yet"}>
            {filtered ? <Link href={base}>Show all events</Link> : "Events appear here as people act in the space."}
          </EmptyState>
        )}
        <nav aria-label="History pages" className="mt-4 flex justify-between gap-3 text-sm">
          {query.before ? (
            <Link href={pageHref(base, { ...query, before: undefined })} className={buttonClass("ghost")}>
              ← Newest
            </Link>
          ) : (
            <span />
          )}
          {history.nextBefore !== null ? (
            <Link href={pageHref(base, { ...query, before: undefined }, history.nextBefore.toString())} className={buttonClass("secondary")}>
              Older events →
            </Link>
          ) : null}
        </nav>
      </Card>
    </div>
  );
}
