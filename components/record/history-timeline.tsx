// A timeline of governance events in plain language, each linking to its permalink once it has a position.
import Link from "next/link";
import { EventSentence, EventSubjects } from "@/components/record/event-sentence";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";

export type TimelineItem = {
  id: string;
  type: string;
  actorId: string | null;
  subject: unknown;
  data: unknown;
  createdAt: string;
  hash: string;
  seq: number | null;
};

export function HistoryTimeline({
  events,
  names,
  titles = {},
  spaceSlug,
  label = "History",
  except,
}: {
  events: TimelineItem[];
  names: Record<string, string>;
  /** Titles of the decisions and releases the events are about, by id (lib/record/data.ts subjectTitles). */
  titles?: Record<string, string>;
  spaceSlug: string;
  label?: string;
  /** Subject links not to repeat (the item whose history this is). */
  except?: string[];
}) {
  return (
    <ol className="divide-y divide-zinc-200 dark:divide-zinc-800" aria-label={label}>
      {events.map((event) => (
        <li key={event.id} className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1 py-3 text-sm" data-testid="history-event">
          <div className="min-w-0">
            <p className="text-zinc-900 dark:text-zinc-100">
              <EventSentence event={event} names={names} titles={titles} />
            </p>
            <EventSubjects event={event} spaceSlug={spaceSlug} names={names} titles={titles} except={except} />
            <p className="mt-0.5 text-xs text-muted">
              <LocalTime at={event.createdAt} />
              <span className="ml-2 font-mono" title={`Receipt: ${event.hash}`}>
                receipt {event.hash.slice(0, 12)}…
              </span>
            </p>
          </div>
          <div className="flex shrink-0 items-center gap-2">
            <Badge>{event.type}</Badge>
            {event.seq === null ? (
              <span className="text-xs text-muted">position pending</span>
            ) : (
              <Link
                href={`/s/${spaceSlug}/history/${event.seq}`}
                className="font-mono text-xs text-brand-700 underline underline-offset-2 dark:text-brand-500"
                aria-label={`Permalink to event #${event.seq}`}
              >
                #{event.seq}
              </Link>
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}

export function toTimelineItem(e: { id: bigint; type: string; actorId: string | null; subject: unknown; data: unknown; createdAt: Date; hash: string; seq: number | null }): TimelineItem {
  return { id: e.id.toString(), type: e.type, actorId: e.actorId, subject: e.subject, data: e.data, createdAt: e.createdAt.toISOString(), hash: e.hash, seq: e.seq };
}
