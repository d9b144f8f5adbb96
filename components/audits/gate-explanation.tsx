// The audit gate in plain words: whether a release may go to a vote, why not, and what would unblock it.
import type { GateResult } from "@/lib/audits/gate";
import { gateHeadline } from "@/components/audits/gate-wording";

export function GateExplanation({ gate, status, anchorOf }: { gate: GateResult; status: string; anchorOf?: (findingId: string) => string | null }) {
  if (!gate.blocked) {
    return (
      <div role="status" data-testid="audit-gate" className="rounded-md border border-brand-500 bg-brand-50 p-3 text-sm text-zinc-800 dark:bg-brand-900/30 dark:text-zinc-100">
        <p className="font-medium">{gateHeadline({ blocked: false, status })}</p>
        <p className="mt-1 text-muted">Every category the charter requires has an accepted, current report, and no unresolved finding is at or above the blocking severity.</p>
      </div>
    );
  }
  return (
    <div data-testid="audit-gate" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-zinc-800 dark:border-red-900 dark:bg-red-950 dark:text-zinc-100">
      <p className="font-medium text-red-800 dark:text-red-200">{gateHeadline({ blocked: true, status })}</p>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {gate.reasons.map((reason) => {
          const href = "findingId" in reason && anchorOf ? anchorOf(reason.findingId) : null;
          return (
            <li key={"findingId" in reason ? reason.findingId : reason.category}>
              {href ? <a href={href} className="underline underline-offset-2">{reason.message}</a> : reason.message}
            </li>
          );
        })}
      </ul>
      {gate.unblockHints.length ? (
        <>
          <p className="mt-3 font-medium">What would unblock it</p>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {gate.unblockHints.map((hint) => (
              <li key={hint}>{hint}.</li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
