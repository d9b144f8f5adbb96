"use client";
// Linking a proposal to a release (stewards): pick the release, the record keeps the link.
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { ActionFormElement, ErrorSummary, useActionForm } from "@/components/ui/form";
import { linkProposalAction } from "@/lib/threads/actions";

export function LinkProposalForm({ proposalId, releases, current }: { proposalId: string; releases: Array<{ id: string; label: string }>; current: string | null }) {
  const router = useRouter();
  const f = useActionForm<{ releaseId: string }>({ defaultValues: { releaseId: current ?? releases[0]?.id ?? "" } });
  const submit = f.handle(
    (v) => linkProposalAction({ proposalId, releaseId: v.releaseId }),
    () => router.refresh(),
  );
  return (
    <ActionFormElement form={f} onSubmit={submit} aria-label="Link to a release" className="flex flex-wrap items-end gap-2">
      <SelectField label="Link to a release" id="link-release" {...f.form.register("releaseId")} errors={f.errorsAt("releaseId")}>
        {releases.map((r) => (
          <option key={r.id} value={r.id}>
            {r.label}
          </option>
        ))}
      </SelectField>
      <Button type="submit" variant="secondary" disabled={f.pending}>
        Link
      </Button>
      <ErrorSummary form={f} compact />
    </ActionFormElement>
  );
}
