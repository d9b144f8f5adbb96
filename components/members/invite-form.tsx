"use client";
// Creates a single-use invitation link with an expiry; the link is shown once.
import { useState, useTransition } from "react";
import { createInvitationAction } from "@/lib/members/actions";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

/** `roles`: the ones the policy lets this viewer invite as, the first chosen by default. */
export function InviteForm({ spaceSlug, roles }: { spaceSlug: string; roles: string[] }) {
  const [pending, startTransition] = useTransition();
  const [link, setLink] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  function submit(formData: FormData) {
    startTransition(async () => {
      const result = await createInvitationAction({ spaceSlug, role: formData.get("role"), expiresInDays: formData.get("expiresInDays") });
      if (result.ok) {
        setLink(`${window.location.origin}${result.data.path}`);
        setError(null);
      } else setError(result.error.message);
    });
  }
  return (
    <div className="space-y-3">
      <form action={submit} className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="invite-role" className="mb-1 block text-sm font-medium">Role</label>
          <select id="invite-role" name="role" defaultValue={roles[0]} className={`${inputClass} w-36`}>
            {roles.map((r) => (
              <option key={r} value={r}>{r}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="invite-days" className="mb-1 block text-sm font-medium">Expires after (days)</label>
          <input id="invite-days" name="expiresInDays" type="number" min={1} max={30} defaultValue={7} className={`${inputClass} w-28`} />
        </div>
        <Button type="submit" disabled={pending}>Create invitation link</Button>
      </form>
      {error ? <p role="alert" className="text-sm text-red-700 dark:text-red-300">{error}</p> : null}
      {link ? (
        <div role="status" className="rounded-md border border-brand-500 bg-brand-50 p-3 text-sm dark:bg-brand-900/30">
          <p>Send this link to the person you invite. It works once, and is shown only now.</p>
          <code data-testid="invite-link" className="mt-2 block break-all font-mono text-xs">{link}</code>
        </div>
      ) : null}
    </div>
  );
}
