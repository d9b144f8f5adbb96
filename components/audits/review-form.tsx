"use client";
// Review of an audit report by a steward or auditor other than its author: accept, request changes, dispute.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { reviewAuditReportAction } from "@/lib/audits/actions";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { ActionFormElement, ErrorSummary, useActionForm } from "@/components/ui/form";

type Verdict = "accept" | "request_changes" | "dispute";

export function ReviewForm({ reportId }: { reportId: string }) {
  const router = useRouter();
  const [done, setDone] = useState<string | null>(null);
  // Which of the three buttons sent the form: set on click, in the form's store, before the submit reads it.
  const f = useActionForm<{ comment: string; verdict: Verdict }>({
    defaultValues: { comment: "", verdict: "accept" },
    check: ({ comment, verdict }) => (verdict !== "accept" && comment.trim() === "" ? { comment: ["Say what needs to change, or why you dispute it: a comment is required."] } : {}),
  });
  const submit = f.handle(
    ({ comment, verdict }) => {
      setDone(null);
      return reviewAuditReportAction({ reportId, verdict, comment });
    },
    (data) => {
      f.form.reset({ comment: "", verdict: "accept" });
      setDone(`Review recorded; the report is now ${data.status.replace("_", " ")}.`);
      router.refresh();
    },
  );
  return (
    <ActionFormElement form={f} onSubmit={submit} className="space-y-3" aria-label="Review this report">
      <TextAreaField label="Review comment" id="review-comment" rows={3} {...f.form.register("comment")} placeholder="Required to request changes or dispute" errors={f.errorsAt("comment")} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" onClick={() => f.form.setValue("verdict", "accept")} disabled={f.pending}>Accept report</Button>
        <Button type="submit" variant="secondary" onClick={() => f.form.setValue("verdict", "request_changes")} disabled={f.pending}>Request changes</Button>
        <Button type="submit" variant="danger" onClick={() => f.form.setValue("verdict", "dispute")} disabled={f.pending}>Dispute report</Button>
      </div>
      <ErrorSummary form={f} />
      {done ? (
        <p role="status" className="text-sm text-brand-700 dark:text-brand-500">
          {done}
        </p>
      ) : null}
    </ActionFormElement>
  );
}
