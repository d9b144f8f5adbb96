// A short timeline of governance events in plain language, each with its receipt hash.
import { describeEvent } from "@/lib/record/describe";
import { LocalTime } from "@/components/ui/local-time";

export type TimelineEvent = { id: string; type: string; actorId: string | null; subject: unknown; data: unknown; createdAt: string; hash: string };

export function EventList({ events, names }: { events: TimelineEvent[]; names: Record<string, string> }) {
  const nameOf = (id: string | null) => (id ? (names[id] ?? "someone") : "the system");
  return (
    <ol className="space-y-3" aria-label="Recent history">
      {events.map((event) => (
        <li key={event.id} className="flex gap-3 text-sm">
          <span aria-hidden="true" className="mt-1.5 h-2 w-2 shrink-0 rounded-full bg-brand-500" />
          <div className="min-w-0">
            <p className="text-zinc-800 dark:text-zinc-200">{describeEvent(event, nameOf)}</p>
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
