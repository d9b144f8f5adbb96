// The slice of a space's history about one release, report or decision, for those pages to mount.
// The mounting page has already loaded the space for the viewer (loadSpacePage), which is the access check.
import Link from "next/link";
import { listSubjectEvents, subjectTitles } from "@/lib/record/data";
import { namesFor } from "@/lib/users/data";
import { HistoryTimeline, toTimelineItem } from "@/components/record/history-timeline";

type Subject = { releaseId?: string; reportId?: string; decisionId?: string };

export async function HistorySlice({ spaceId, spaceSlug, subject, limit = 20 }: { spaceId: string; spaceSlug: string; subject: Subject; limit?: number }) {
  const ids = Object.fromEntries(Object.entries(subject).filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== ""));
  if (Object.keys(ids).length === 0) return null;
  const events = await listSubjectEvents(spaceId, ids, limit);
  if (events.length === 0) return <p className="text-sm text-muted">No recorded events yet.</p>;
  const [names, titles] = await Promise.all([
    namesFor(events.flatMap((e) => [e.actorId, ((e.subject ?? {}) as { userId?: string }).userId ?? null])),
    subjectTitles(spaceId, events),
  ]);
  // The item this page is about needs no link to itself.
  const here = [
    subject.releaseId ? `/s/${spaceSlug}/releases/${subject.releaseId}` : null,
    subject.reportId ? `/s/${spaceSlug}/audits/${subject.reportId}` : null,
    subject.decisionId ? `/s/${spaceSlug}/decisions/${subject.decisionId}` : null,
  ].filter((href): href is string => href !== null);
  const firstId = Object.values(ids)[0] as string;
  return (
    <div>
      <HistoryTimeline events={events.map(toTimelineItem)} names={Object.fromEntries(names)} titles={titles} spaceSlug={spaceSlug} label="History of this item" except={here} />
      <p className="mt-2 text-sm">
        <Link href={`/s/${spaceSlug}/history?subject=${encodeURIComponent(firstId)}`} className="text-brand-700 underline underline-offset-2 dark:text-brand-500">
          All of its history
        </Link>
      </p>
    </div>
  );
}
