"use client";
// Creates a single-use invitation link with an expiry; the link is shown once.
import { useState } from "react";
import { useWatch } from "react-hook-form";
import { createInvitationAction } from "@/lib/members/actions";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Field, SelectField } from "@/components/ui/field";
import { ActionFormElement, ErrorSummary, useActionForm } from "@/components/ui/form";

/** `roles`: the ones the policy lets this viewer invite as, the first chosen by default. */
export function InviteForm({ spaceSlug, roles }: { spaceSlug: string; roles: string[] }) {
  const [link, setLink] = useState<string | null>(null);
  const f = useActionForm<{ role: string; expiresInDays: string }>({ defaultValues: { role: roles[0] ?? "", expiresInDays: "7" } });
  // Controlled, so the choice stays as picked while the new link is on screen and the page refreshes around it.
  const role = useWatch({ control: f.form.control, name: "role" });
  const submit = f.handle(
    (values) => {
      setLink(null);
      const days = values.expiresInDays.trim();
      // A number when it reads as one; otherwise as typed, for the schema to say what is wrong with it.
      return createInvitationAction({ spaceSlug, role: values.role, expiresInDays: /^\d+$/.test(days) ? Number(days) : days });
    },
    (data) => setLink(`${window.location.origin}${data.path}`),
  );
  return (
    <div className="space-y-3">
      <ActionFormElement form={f} onSubmit={submit} className="space-y-3">
        <div className="flex flex-wrap items-start gap-3">
          <SelectField label="Role" id="invite-role" name="role" value={role} onChange={(e) => f.set("role", e.target.value)} className="w-36" errors={f.errorsAt("role")}>
            {roles.map((r) => (
              <option key={r} value={r}>{r}</option>
            ))}
          </SelectField>
          <Field label="Expires after (days)" id="invite-days" type="number" min={1} max={30} {...f.form.register("expiresInDays")} className="w-44" errors={f.errorsAt("expiresInDays")} />
          <Button type="submit" className="sm:mt-6" disabled={f.pending}>Create invitation link</Button>
        </div>
        <ErrorSummary form={f} />
      </ActionFormElement>
      {link ? (
        <div role="status" className="rounded-md border border-brand-500 bg-brand-50 p-3 text-sm dark:bg-brand-900/30">
          <p>Send this link to the person you invite. It works once, and is shown only now.</p>
          <div className="mt-2 flex items-start gap-2">
            <code data-testid="invite-link" className="block min-w-0 flex-1 break-all font-mono text-xs">{link}</code>
            <CopyButton value={link} label="Copy invitation link" />
          </div>
        </div>
      ) : null}
    </div>
  );
}
