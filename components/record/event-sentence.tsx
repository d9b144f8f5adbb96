// An event's sentence with its actor's name linking to their profile, and the links to what the event is about.
import Link from "next/link";
import { describeEvent } from "@/lib/record/describe";
import { subjectLinks } from "@/lib/record/subject-links";

type Event = { type: string; typeVersion?: number | null; actorId: string | null; subject: unknown; data: unknown };

const linkClass = "text-brand-700 underline underline-offset-2 dark:text-brand-500";

export function EventSentence({ event, names, titles = {} }: { event: Event; names: Record<string, string>; titles?: Record<string, string> }) {
  const nameOf = (id: string | null) => (id ? (names[id] ?? "someone") : "the system");
  const text = describeEvent(event, nameOf, (id) => titles[id]);
  const actorName = event.actorId ? names[event.actorId] : undefined;
  // Most sentences start with the actor's name: that part becomes the link to their profile.
  if (event.actorId && actorName && text.startsWith(actorName)) {
    return (
      <>
        <Link href={`/u/${event.actorId}`} className={linkClass}>
          {actorName}
        </Link>
        {text.slice(actorName.length)}
      </>
    );
  }
  // Otherwise it may start with "the system" or "someone": a sentence still starts with a capital.
  return <>{text.charAt(0).toUpperCase() + text.slice(1)}</>;
}

/** "About: the release Lumen-7B 2.0, the decision “…”", or nothing when the event names no item the space holds. */
export function EventSubjects({
  event,
  spaceSlug,
  names,
  titles = {},
  except = [],
}: {
  event: Event;
  spaceSlug: string;
  names: Record<string, string>;
  titles?: Record<string, string>;
  /** Links not worth repeating: the page the list is on. */
  except?: string[];
}) {
  const links = subjectLinks(event.type, event.subject, { spaceSlug, titles, nameOf: (id) => names[id] }).filter((l) => !except.includes(l.href));
  if (links.length === 0) return null;
  return (
    <p className="mt-0.5 text-xs text-muted" data-testid="event-subjects">
      About:{" "}
      {links.map((link, i) => (
        <span key={link.href}>
          {i > 0 ? ", " : null}
          <Link href={link.href} className={linkClass}>
            {link.label}
          </Link>
        </span>
      ))}
    </p>
  );
}
