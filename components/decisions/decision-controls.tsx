"use client";
// Steward controls: close early (once the outcome can no longer change, where the charter allows) and cancel with a reason.
import { cancelDecisionAction } from "@/lib/decisions/actions";
import type { EarlyClose } from "@/lib/decisions/view";
import { Confirm } from "@/components/ui/confirm";
import { CloseEarly } from "@/components/decisions/close-early";

type Props = { decisionId: string; kind: string; earlyClose: EarlyClose; canClose: boolean; canCancel: boolean; onDone: () => void };

export function DecisionControls({ decisionId, kind, earlyClose, canClose, canCancel, onDone }: Props) {
  return (
    <div className="space-y-3">
      {canClose ? <CloseEarly decisionId={decisionId} kind={kind} earlyClose={earlyClose} onDone={onDone} /> : null}
      {canCancel ? (
        <Confirm
          id={`cancel-${decisionId}`}
          trigger="Cancel decision"
          question="Cancel this decision? Voting ends at once and no outcome is recorded; it cannot be reopened (open a new decision instead)."
          reason={{ label: "Reason for cancelling", hint: "Shown on the decision and kept in the governance record.", min: 3, max: 2000 }}
          confirmLabel="Yes, cancel the decision"
          cancelLabel="Keep it open"
          onConfirm={(reason) => cancelDecisionAction({ decisionId, reason })}
          onDone={onDone}
        />
      ) : null}
    </div>
  );
}
