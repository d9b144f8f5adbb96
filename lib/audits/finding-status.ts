// The vocabulary of a finding's lifecycle: its statuses and how they read. The moves between them are in rules.ts.
export const findingStatuses = ["open", "acknowledged", "mitigated", "verified", "accepted_risk", "wont_fix"] as const;
export type FindingStatus = (typeof findingStatuses)[number];

export const findingStatusLabels: Record<FindingStatus, string> = {
  open: "open",
  acknowledged: "acknowledged",
  mitigated: "mitigated",
  verified: "verified",
  accepted_risk: "accepted risk",
  wont_fix: "won't fix",
};
