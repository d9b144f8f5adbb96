// A release's lifecycle status as a coloured badge.
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { statusLabel, type ReleaseStatus } from "@/lib/releases/lifecycle";

const tones: Record<ReleaseStatus, BadgeTone> = {
  draft: "neutral",
  in_review: "info",
  voting: "warn",
  approved: "brand",
  rejected: "danger",
  published: "brand",
  deprecated: "warn",
  yanked: "danger",
  withdrawn: "neutral",
};

export function ReleaseStatusBadge({ status }: { status: ReleaseStatus }) {
  return <Badge tone={tones[status]}>{statusLabel(status)}</Badge>;
}
