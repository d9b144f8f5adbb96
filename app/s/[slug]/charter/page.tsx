import type { Metadata } from "next";
import Link from "next/link";
import { loadSpacePage } from "../load";
import { charterHistory, currentCharter } from "@/lib/charter/data";
import { can } from "@/lib/policy";
import { namesFor } from "@/lib/users/data";
import { Card, CardTitle } from "@/components/ui/card";
import { CharterView } from "@/components/charter/charter-view";
import { CharterEditor } from "@/components/charter/charter-editor";
import { LocalTime } from "@/components/ui/local-time";

export const metadata: Metadata = { title: "Charter" };

export default async function CharterPage({ params }: { params: Promise<{ slug: string }> }) {
  const { actor, space, role } = await loadSpacePage((await params).slug);
  const [current, history] = await Promise.all([currentCharter(space.id), charterHistory(space.id)]);
  const names = await namesFor(history.map((h) => h.createdById));
  const canAmend = can(actor, "charter.amend", { space: { visibility: space.visibility, role, mirrorOf: space.mirrorOf } }).allow && !current.charter.amendments.viaDecision;

  return (
    <div className="space-y-6">
      <CharterView charter={current.charter} version={current.version} amendedAt={current.createdAt.toISOString()} />
      {canAmend ? (
        <Card>
          <CardTitle>Amend the charter</CardTitle>
          <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">
            Every amendment becomes a new version; decisions keep the version they were opened under.
          </p>
          {/* Not keyed by version: a remount after its own save would drop the success message. */}
          <CharterEditor spaceSlug={space.slug} version={current.version} charter={current.charter} />
        </Card>
      ) : null}
      <Card>
        <CardTitle>Versions</CardTitle>
        <ol className="space-y-2 text-sm">
          {history.map((h) => (
            // The anchor is where history entries about an amendment link to.
            <li key={h.version} id={`version-${h.version}`} className="scroll-mt-4">
              <strong>Version {h.version}</strong> · <LocalTime at={h.createdAt} style="date" /> ·{" "}
              {h.createdById ? (
                <Link href={`/u/${h.createdById}`} className="text-brand-700 underline underline-offset-2 dark:text-brand-500">
                  {names.get(h.createdById) ?? "someone"}
                </Link>
              ) : (
                "—"
              )}
              {h.reason ? <span className="text-zinc-600 dark:text-zinc-400">: {h.reason}</span> : null}
            </li>
          ))}
        </ol>
      </Card>
    </div>
  );
}
