"use client";
// The status changes the viewer may ask for; the server checks policy and gates again.
import { Button } from "@/components/ui/button";
import { StatusLine, useActionStatus } from "@/components/ui/use-action-status";
import { WithdrawRelease } from "@/components/releases/withdraw-release";
import { transitionReleaseAction } from "@/lib/releases/actions";
import { statusLabel, type ReleaseStatus } from "@/lib/releases/lifecycle";

const verbs: Partial<Record<ReleaseStatus, string>> = {
  in_review: "Send for review",
  draft: "Back to draft",
  published: "Publish",
  deprecated: "Deprecate",
  yanked: "Yank",
};

export function LifecycleButtons({ releaseId, allowed }: { releaseId: string; allowed: ReleaseStatus[] }) {
  const { pending, status, run } = useActionStatus();
  if (allowed.length === 0) return null;
  // Withdrawing is final and asks a reason, so it gets its own confirm step after the other buttons.
  const direct = allowed.filter((to) => to !== "withdrawn");
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {direct.map((to) => (
          <Button
            key={to}
            variant={to === "yanked" ? "danger" : to === "published" || to === "in_review" ? "primary" : "secondary"}
            disabled={pending}
            onClick={() => run(() => transitionReleaseAction({ releaseId, to }), (d) => `The release is now ${statusLabel(d.to)}.`)}
          >
            {verbs[to] ?? statusLabel(to)}
          </Button>
        ))}
        {allowed.includes("withdrawn") ? <WithdrawRelease releaseId={releaseId} disabled={pending} /> : null}
      </div>
      <StatusLine status={status} />
    </div>
  );
}
