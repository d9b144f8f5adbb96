// What an imported space is: a read-only mirror of another instance's space (and whether it still follows it), or a
// fork that governs on from an imported checkpoint.
import type { spaceOriginOf } from "@/lib/archive/data";

type Origin = NonNullable<Awaited<ReturnType<typeof spaceOriginOf>>>;

export function OriginBanner({ origin }: { origin: Origin }) {
  const where = `${origin.instance}/s/${origin.originSlug}`;
  const root = `${origin.rootHash.slice(0, 16)}…`;
  if (origin.mode === "fork") {
    return (
      <p className="rounded-md border border-sky-300 bg-sky-50 px-3 py-2 text-sm dark:border-sky-800 dark:bg-sky-950">
        Forked from <span className="font-mono break-all">{where}</span> at checkpoint {origin.checkpointSize} (root <span className="font-mono">{root}</span>); governed here since.
      </p>
    );
  }
  return (
    <div role="status" className="space-y-1 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm dark:border-amber-700 dark:bg-amber-950">
      <p>
        Read-only mirror of <span className="font-mono break-all">{where}</span>, verified to checkpoint {origin.checkpointSize} (root <span className="font-mono">{root}</span>). Changes are made there.
      </p>
      {origin.stoppedAt ? (
        <p className="font-semibold">Stopped following its origin: {origin.stopReason} The evidence (both checkpoints and the failed proof) is kept with this mirror.</p>
      ) : origin.following ? (
        <p>Follows its origin and checks every new checkpoint against the last one it holds.</p>
      ) : null}
    </div>
  );
}
