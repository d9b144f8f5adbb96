"use client";
// "Close now": offered only once the outcome can no longer change, and confirmed, since it ends every ballot.
import { useEffect, useRef, useState } from "react";
import { closeDecisionAction } from "@/lib/decisions/actions";
import type { EarlyClose } from "@/lib/decisions/view";
import { Button } from "@/components/ui/button";
import { StatusLine, useActionStatus } from "@/components/ui/use-action-status";

export function closeConfirmation({ earlyClose, kind }: { earlyClose: EarlyClose; kind: string }): string {
  const gate = kind === "release" ? " If the audits gate blocks the release at the close, it fails instead." : "";
  return `Close now? Ballots cast so far count as they stand; nobody can change theirs after this. Outcome: ${earlyClose.verdict ?? ""}${gate}`;
}

export function CloseEarly({ decisionId, kind, earlyClose, onDone }: { decisionId: string; kind: string; earlyClose: EarlyClose; onDone: () => void }) {
  const { pending, status, run } = useActionStatus();
  const [confirming, setConfirming] = useState(false);
  const question = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (confirming) question.current?.focus();
  }, [confirming]);
  // A ballot changing the picture while the question is open withdraws it.
  const asking = confirming && earlyClose.allowed;

  return (
    <div className="space-y-2">
      <StatusLine status={status} />
      {!earlyClose.allowed ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="early-close-reason">
          Closing early is not possible yet: {earlyClose.reason}
        </p>
      ) : asking ? (
        <div role="group" aria-label="Confirm closing early" className="space-y-2 rounded border border-amber-300 bg-amber-50 p-3 dark:border-amber-700 dark:bg-amber-950">
          <p ref={question} tabIndex={-1} className="text-sm" data-testid="close-confirmation">
            {closeConfirmation({ earlyClose, kind })}
          </p>
          <div className="flex gap-2">
            <Button
              variant="danger"
              disabled={pending}
              onClick={() =>
                run(
                  async () => {
                    const result = await closeDecisionAction({ decisionId });
                    setConfirming(false);
                    onDone();
                    return result;
                  },
                  (data) => `Closed: ${data.explanation}`,
                )
              }
            >
              Yes, close the vote
            </Button>
            <Button variant="secondary" disabled={pending} onClick={() => setConfirming(false)}>
              Keep it open
            </Button>
          </div>
        </div>
      ) : (
        <div className="space-y-1">
          <p className="text-sm text-zinc-600 dark:text-zinc-400">{earlyClose.reason}</p>
          <Button variant="secondary" disabled={pending} onClick={() => setConfirming(true)}>
            Close now
          </Button>
        </div>
      )}
    </div>
  );
}
