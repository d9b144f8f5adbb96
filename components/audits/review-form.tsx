"use client";
// Review of an audit report by a steward or auditor other than its author: accept, request changes, dispute.
import { useState } from "react";
import { reviewAuditReportAction } from "@/lib/audits/actions";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { StatusLine, useActionStatus } from "@/components/ui/use-action-status";

type Verdict = "accept" | "request_changes" | "dispute";

export function ReviewForm({ reportId }: { reportId: string }) {
  const { pending, status, run } = useActionStatus();
  const [comment, setComment] = useState("");
  const submit = (verdict: Verdict) =>
    run(
      () => reviewAuditReportAction({ reportId, verdict, comment }),
      (data) => {
        setComment("");
        return `Review recorded; the report is now ${data.status.replace("_", " ")}.`;
      },
    );
  return (
    <div className="space-y-3">
      <div>
        <label htmlFor="review-comment" className="mb-1 block text-sm font-medium">Review comment</label>
        <textarea id="review-comment" rows={3} value={comment} onChange={(e) => setComment(e.target.value)} className={inputClass} placeholder="Required to request changes or dispute" />
      </div>
      <div className="flex flex-wrap gap-2">
        <Button onClick={() => submit("accept")} disabled={pending}>Accept report</Button>
        <Button variant="secondary" onClick={() => submit("request_changes")} disabled={pending}>Request changes</Button>
        <Button variant="danger" onClick={() => submit("dispute")} disabled={pending}>Dispute report</Button>
      </div>
      <StatusLine status={status} />
    </div>
  );
}
