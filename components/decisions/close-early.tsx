"use client";
// "Close now": offered only once the outcome can no longer change, and confirmed, since it ends every ballot.
import { useState } from "react";
import { closeDecisionAction } from "@/lib/decisions/actions";
import type { EarlyClose } from "@/lib/decisions/view";
import { Confirm } from "@/components/ui/confirm";

export function closeConfirmation({ earlyClose, kind }: { earlyClose: EarlyClose; kind: string }): string {
  const gate = kind === "release" ? " If the audits gate blocks the release at the close, it fails instead." : "";
  return `Close now? Ballots cast so far count as they stand; nobody can change theirs after this. Outcome: ${earlyClose.verdict ?? ""}${gate}`;
}

export function CloseEarly({ decisionId, kind, earlyClose, onDone }: { decisionId: string; kind: string; earlyClose: EarlyClose; onDone: () => void }) {
  const [closed, setClosed] = useState<string | null>(null);
  return (
    <div className="space-y-2">
      {closed ? (
        <p role="status" className="text-sm text-brand-700 dark:text-brand-500">
          {closed}
        </p>
      ) : null}
      {!earlyClose.allowed ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="early-close-reason">
          Closing early is not possible yet: {earlyClose.reason}
        </p>
      ) : (
        // A ballot changing the picture while the question is open unmounts it: the question is withdrawn.
        <div className="space-y-1">
          <p className="text-sm text-zinc-600 dark:text-zinc-400">{earlyClose.reason}</p>
          <Confirm
            id={`close-${decisionId}`}
            label="Confirm closing early"
            testId="close-confirmation"
            trigger="Close now"
            triggerVariant="secondary"
            question={closeConfirmation({ earlyClose, kind })}
            confirmLabel="Yes, close the vote"
            cancelLabel="Keep it open"
            onConfirm={() => closeDecisionAction({ decisionId })}
            onDone={(data) => {
              setClosed(`Closed: ${data.explanation}`);
              onDone();
            }}
          />
        </div>
      )}
    </div>
  );
}
