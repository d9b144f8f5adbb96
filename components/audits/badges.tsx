// Badges and labels for audit states: severity, finding status, report status, coverage.
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { auditCategoryLabels, type AuditCategory } from "@/lib/charter/schema";
import { coverageWording } from "@/components/audits/gate-wording";
import { findingStatusLabels, type FindingStatus } from "@/lib/audits/rules";

const severityTones: Record<string, BadgeTone> = { critical: "danger", high: "danger", medium: "warn", low: "info", info: "neutral" };
const findingTones: Record<string, BadgeTone> = { open: "danger", acknowledged: "warn", mitigated: "info", verified: "brand", accepted_risk: "neutral", wont_fix: "neutral" };
const reportLabels: Record<string, string> = { pending: "awaiting review", accepted: "accepted", changes_requested: "changes requested", disputed: "disputed" };
const reportTones: Record<string, BadgeTone> = { pending: "neutral", accepted: "brand", changes_requested: "warn", disputed: "danger" };

export const findingStatusLabel = (status: string) => findingStatusLabels[status as FindingStatus] ?? status;
export const categoryLabel = (category: string) => auditCategoryLabels[category as AuditCategory] ?? category;

export function SeverityBadge({ severity }: { severity: string }) {
  return <Badge tone={severityTones[severity] ?? "neutral"}>{severity}</Badge>;
}

export function FindingStatusBadge({ status }: { status: string }) {
  return <Badge tone={findingTones[status] ?? "neutral"}>{findingStatusLabel(status)}</Badge>;
}

export function ReportStatusBadge({ status, stale }: { status: string; stale?: boolean }) {
  return (
    <span className="inline-flex gap-1">
      <Badge tone={reportTones[status] ?? "neutral"}>{reportLabels[status] ?? status}</Badge>
      {stale ? <Badge tone="warn">stale</Badge> : null}
    </span>
  );
}

export function CoverageBadge({ status, required }: { status: string; required: boolean }) {
  const { label, tone } = coverageWording(status, required);
  return <Badge tone={tone}>{label}</Badge>;
}

export function VerdictBadge({ verdict }: { verdict: string }) {
  const tone: BadgeTone = verdict === "pass" ? "brand" : verdict === "fail" ? "danger" : "warn";
  return <Badge tone={tone}>verdict: {verdict}</Badge>;
}

/** sha256:0123456789ab… */
export const shortDigest = (digest: string) => (digest.length > 19 ? `${digest.slice(0, 19)}…` : digest);
