"use client";
// The status changes the viewer may ask for; the server checks policy and gates again.
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Confirm } from "@/components/ui/confirm";
import { StatusLine, useActionStatus } from "@/components/ui/use-action-status";
import { WithdrawRelease } from "@/components/releases/withdraw-release";
import { transitionReleaseAction } from "@/lib/releases/actions";
import { statusLabel, type ReleaseStatus } from "@/lib/releases/lifecycle";

/** Steps that cannot be taken back ask first; yanking says why in the record. */
const asks: Partial<Record<ReleaseStatus, { question: string; confirm: string; reason?: boolean }>> = {
  published: { question: "Publish this release? It becomes the space's public release of this model, and its record entry is final.", confirm: "Yes, publish it" },
  yanked: { question: "Yank this release? People are told not to use it; a yanked release cannot come back.", confirm: "Yes, yank it", reason: true },
};

const verbs: Partial<Record<ReleaseStatus, string>> = {
  in_review: "Send for review",
  draft: "Back to draft",
  published: "Publish",
  deprecated: "Deprecate",
  yanked: "Yank",
};

export function LifecycleButtons({ releaseId, allowed }: { releaseId: string; allowed: ReleaseStatus[] }) {
  const router = useRouter();
  const { pending, status, run } = useActionStatus();
  if (allowed.length === 0) return null;
  // Withdrawing is final and asks a reason, so it gets its own confirm step after the other buttons.
  const direct = allowed.filter((to) => to !== "withdrawn");
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {direct.map((to) => {
          const ask = asks[to];
          return ask ? (
            <Confirm
              key={to}
              id={`${to}-${releaseId}`}
              trigger={verbs[to] ?? statusLabel(to)}
              triggerVariant={to === "yanked" ? "danger" : "primary"}
              disabled={pending}
              question={ask.question}
              reason={ask.reason ? { label: "Reason for yanking", hint: "Shown on the release page and kept in the governance record.", max: 1000 } : undefined}
              confirmLabel={ask.confirm}
              cancelLabel="Not now"
              onConfirm={(note) => transitionReleaseAction({ releaseId, to, ...(note ? { note } : {}) })}
              onDone={() => router.refresh()}
            />
          ) : (
          <Button
            key={to}
            variant={to === "yanked" ? "danger" : to === "published" || to === "in_review" ? "primary" : "secondary"}
            disabled={pending}
            onClick={() => run(() => transitionReleaseAction({ releaseId, to }), (d) => `The release is now ${statusLabel(d.to)}.`)}
          >
            {verbs[to] ?? statusLabel(to)}
          </Button>
          );
        })}
        {allowed.includes("withdrawn") ? <WithdrawRelease releaseId={releaseId} disabled={pending} /> : null}
      </div>
      <StatusLine status={status} />
    </div>
  );
}
