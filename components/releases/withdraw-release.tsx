"use client";
// Withdrawing ends a proposal for good: the shared confirmation asks why, and the record keeps the reason.
import { useRouter } from "next/navigation";
import { transitionReleaseAction } from "@/lib/releases/actions";
import { Confirm } from "@/components/ui/confirm";

const reasonMax = 500; // the same bound as withdrawalReasonMax in lib/releases/rules.ts

export function WithdrawRelease({ releaseId, disabled }: { releaseId: string; disabled?: boolean }) {
  const router = useRouter();
  return (
    <Confirm
      id={`withdraw-${releaseId}`}
      label="Withdraw this release"
      trigger="Withdraw"
      disabled={disabled}
      question="Withdrawing ends this proposal for good: it cannot be reviewed, voted on or published afterwards."
      reason={{
        label: "Reason for withdrawing",
        hint: `Shown on the release page and kept in the governance record (at most ${reasonMax} characters).`,
        max: reasonMax,
        missing: "Say why the release is withdrawn; the record keeps the reason.",
      }}
      confirmLabel="Withdraw the release"
      cancelLabel="Keep it"
      onConfirm={(reason) => transitionReleaseAction({ releaseId, to: "withdrawn", reason })}
      onDone={() => router.refresh()}
    />
  );
}
