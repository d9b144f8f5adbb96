"use client";
// Steward controls: close early (once the outcome can no longer change, where the charter allows) and cancel with a reason.
import { useState } from "react";
import { cancelDecisionAction } from "@/lib/decisions/actions";
import type { EarlyClose } from "@/lib/decisions/view";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { StatusLine, useActionStatus } from "@/components/ui/use-action-status";
import { CloseEarly } from "@/components/decisions/close-early";

type Props = { decisionId: string; kind: string; earlyClose: EarlyClose; canClose: boolean; canCancel: boolean; onDone: () => void };

export function DecisionControls({ decisionId, kind, earlyClose, canClose, canCancel, onDone }: Props) {
  const { pending, status, run } = useActionStatus();
  const [reason, setReason] = useState("");
  return (
    <div className="space-y-3">
      <StatusLine status={status} />
      {canClose ? <CloseEarly decisionId={decisionId} kind={kind} earlyClose={earlyClose} onDone={onDone} /> : null}
      {canCancel ? (
        <div className="flex flex-wrap items-end gap-2">
          <div className="grow">
            <label htmlFor={`cancel-${decisionId}`} className="mb-1 block text-sm font-medium text-zinc-800 dark:text-zinc-200">
              Reason for cancelling
            </label>
            <input id={`cancel-${decisionId}`} className={inputClass} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={2000} />
          </div>
          <Button
            variant="danger"
            disabled={pending || reason.trim().length < 3}
            onClick={() =>
              run(
                async () => {
                  const result = await cancelDecisionAction({ decisionId, reason });
                  onDone();
                  return result;
                },
                () => "The decision is cancelled.",
              )
            }
          >
            Cancel decision
          </Button>
        </div>
      ) : null}
    </div>
  );
}
