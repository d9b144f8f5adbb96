// A short timeline of governance events in plain language, each with its receipt hash.
import { EventSentence, EventSubjects } from "@/components/record/event-sentence";
import { LocalTime } from "@/components/ui/local-time";

export type TimelineEvent = { id: string; type: string; actorId: string | null; subject: unknown; data: unknown; createdAt: string; hash: string };

export function EventList({
  events,
  names,
  titles,
  spaceSlug,
}: {
  events: TimelineEvent[];
  names: Record<string, string>;
  titles: Record<string, string>;
  spaceSlug: string;
}) {
  return (
    <ol className="space-y-3" aria-label="Recent history">
      {events.map((event) => (
        <li key={event.id} className="flex gap-3 text-sm">
          <span aria-hidden="true" className="mt-1.5 h-2 w-2 shrink-0 rounded-full bg-brand-500" />
          <div className="min-w-0">
            <p className="text-zinc-800 dark:text-zinc-200">
              <EventSentence event={event} names={names} titles={titles} />
            </p>
            <EventSubjects event={event} spaceSlug={spaceSlug} names={names} titles={titles} />
            <p className="text-xs text-muted">
              <LocalTime at={event.createdAt} />
              <span className="ml-2 font-mono" title={`Receipt: ${event.hash}`}>
                #{event.hash.slice(0, 10)}
              </span>
            </p>
          </div>
        </li>
      ))}
    </ol>
  );
}
