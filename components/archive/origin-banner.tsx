// What an imported space is: a read-only mirror of another instance's space (and whether it still follows it), or a
// fork that governs on from an imported checkpoint.
import type { KeptEvidence, spaceOriginOf } from "@/lib/archive/data";
import { LocalTime } from "@/components/ui/local-time";

type Origin = NonNullable<Awaited<ReturnType<typeof spaceOriginOf>>>;

const short = (root: string) => `${root.slice(0, 16)}…`;

/** The two checkpoints that disagree and the origin's proof, so a reader can see for themselves why it stopped. */
function Evidence({ evidence }: { evidence: KeptEvidence }) {
  const { held, origin, proof } = evidence;
  const row = "grid gap-x-3 sm:grid-cols-[12rem_1fr]";
  return (
    <dl className="space-y-1" aria-label="The evidence kept with this mirror">
      <div className={row}>
        <dt className="text-muted">Verified here</dt>
        <dd>
          checkpoint {held.size} (root <span className="font-mono break-all">{short(held.rootHash)}</span>)
        </dd>
      </div>
      <div className={row}>
        <dt className="text-muted">Then signed by the origin</dt>
        <dd>
          checkpoint {origin.size} (root <span className="font-mono break-all">{short(origin.rootHash)}</span>)
          {origin.timestamp ? (
            <>
              {" "}at <LocalTime at={origin.timestamp} />
            </>
          ) : null}
          {origin.keyId ? (
            <>
              , key <span className="font-mono">{origin.keyId.slice(0, 16)}</span>
            </>
          ) : null}
        </dd>
      </div>
      <div className={row}>
        <dt className="text-muted">Consistency proof</dt>
        <dd>
          {proof
            ? `the origin's, from ${proof.from} to ${proof.to} events (${proof.proof.length} hashes), kept as it was sent`
            : "none asked: the origin's log did not grow past what was verified here"}
        </dd>
      </div>
    </dl>
  );
}

export function OriginBanner({ origin }: { origin: Origin }) {
  const where = `${origin.instance}/s/${origin.originSlug}`;
  const root = short(origin.rootHash);
  if (origin.mode === "fork") {
    return (
      <p data-testid="origin-banner" className="rounded-md border border-sky-300 bg-sky-50 px-3 py-2 text-sm dark:border-sky-800 dark:bg-sky-950">
        Forked from <span className="font-mono break-all">{where}</span> at checkpoint {origin.checkpointSize} (root <span className="font-mono">{root}</span>); governed here since.
      </p>
    );
  }
  return (
    <div role="status" data-testid="origin-banner" className="space-y-1 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm dark:border-amber-700 dark:bg-amber-950">
      <p>
        Read-only mirror of <span className="font-mono break-all">{where}</span>, verified to checkpoint {origin.checkpointSize} (root <span className="font-mono">{root}</span>). Changes are made there.
      </p>
      {origin.stoppedAt ? (
        <>
          <p className="font-semibold">Stopped following its origin: {origin.stopReason}</p>
          {origin.evidence ? <Evidence evidence={origin.evidence} /> : null}
          <p>This mirror keeps what it had verified, and the evidence, for good.</p>
        </>
      ) : origin.following ? (
        <p>Follows its origin and checks every new checkpoint against the last one it holds.</p>
      ) : null}
    </div>
  );
}
