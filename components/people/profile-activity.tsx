// A person's recent governance events across spaces, each with its space and a permalink once sequenced.
import Link from "next/link";
import { LocalTime } from "@/components/ui/local-time";
import { EventSentence, EventSubjects } from "@/components/record/event-sentence";

type ActivityItem = {
  id: bigint;
  type: string;
  typeVersion: number | null;
  actorId: string | null;
  subject: unknown;
  data: unknown;
  createdAt: Date;
  seq: number | null;
  space: { slug: string; name: string } | null;
};

const linkClass = "text-brand-700 underline underline-offset-2 dark:text-brand-500";

export function ProfileActivity({ activity, names, titles }: { activity: ActivityItem[]; names: Record<string, string>; titles: Record<string, string> }) {
  return (
    <ol className="divide-y divide-zinc-200 dark:divide-zinc-800" aria-label="Recent actions" data-testid="profile-activity">
      {activity.map((event) =>
        event.space ? (
          <li key={event.id.toString()} className="py-3 text-sm">
            <p className="text-zinc-900 dark:text-zinc-100">
              <EventSentence event={event} names={names} titles={titles} />
            </p>
            <EventSubjects event={event} spaceSlug={event.space.slug} names={names} titles={titles} />
            <p className="mt-0.5 text-xs text-muted">
              <LocalTime at={event.createdAt} /> · in{" "}
              <Link href={`/s/${event.space.slug}`} className={linkClass}>
                {event.space.name}
              </Link>
              {event.seq !== null ? (
                <>
                  {" "}
                  ·{" "}
                  <Link href={`/s/${event.space.slug}/history/${event.seq}`} className={`font-mono ${linkClass}`} aria-label={`Permalink to event #${event.seq} in ${event.space.name}`}>
                    #{event.seq}
                  </Link>
                </>
              ) : null}
            </p>
          </li>
        ) : null,
      )}
    </ol>
  );
}
