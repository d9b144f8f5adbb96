"use client";
// An owner of a fork maps a person who arrived with the archive (and has not signed in to claim it) to a user here.
import { mapIdentityAction } from "@/lib/members/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ErrorSummary, useActionForm } from "@/components/ui/form";

type Props = { spaceSlug: string; person: { userId: string; name: string | null; role: string }; onMapped: (message: string) => void };

/** `onMapped` announces the success: this form goes away with the person once the page refreshes. */
export function MapIdentityForm({ spaceSlug, person, onMapped }: Props) {
  const f = useActionForm<{ email: string }>({ defaultValues: { email: "" } });
  const submit = f.handle(
    (values) => mapIdentityAction({ spaceSlug, userId: person.userId, email: values.email.trim() }),
    () => {
      onMapped(`Mapped. The user now holds ${person.name ?? "this person"}'s place as ${person.role}.`);
      f.form.reset();
    },
  );
  const fieldId = `map-${person.userId}`;
  return (
    <form id={f.id} onSubmit={submit} noValidate className="space-y-2" aria-label={`Map ${person.name ?? person.userId}`}>
      <div className="flex flex-wrap items-start gap-3">
        <Field
          label={`E-mail of the user who is ${person.name ?? person.userId} (${person.role})`}
          id={fieldId}
          type="email"
          autoComplete="off"
          {...f.form.register("email")}
          className="w-72"
          errors={f.errorsAt("email")}
        />
        <Button type="submit" className="sm:mt-6" disabled={f.pending}>Map to this user</Button>
      </div>
      <ErrorSummary form={f} />
    </form>
  );
}
