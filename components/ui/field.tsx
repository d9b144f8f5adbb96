import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

export const inputClass =
  "block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm text-zinc-900 placeholder:text-zinc-400 focus:border-brand-500 aria-[invalid=true]:border-red-600 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100 dark:aria-[invalid=true]:border-red-400";

export const labelClass = "mb-1 block text-sm font-medium text-zinc-800 dark:text-zinc-200";

type Common = { label: string; hint?: ReactNode; errors?: string[] };

/** id, aria-invalid and aria-describedby (the hint, then the message) for a labelled control. */
function wiring(id: string | undefined, hint: ReactNode, errors: string[] | undefined) {
  const invalid = Boolean(errors?.length);
  const describedBy = [hint ? `${id}-hint` : "", invalid ? `${id}-error` : ""].filter(Boolean).join(" ");
  return { "aria-invalid": invalid ? true : undefined, "aria-describedby": describedBy || undefined };
}

function Below({ id, hint, errors }: { id?: string; hint?: ReactNode; errors?: string[] }) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700 dark:text-red-300">
          {errors.join(" ")}
        </p>
      ) : null}
    </>
  );
}

type InputProps = InputHTMLAttributes<HTMLInputElement> & Common & { ref?: React.Ref<HTMLInputElement> };

export function Field({ label, hint, errors, id, name, className, ...rest }: InputProps) {
  const inputId = id ?? name;
  return (
    <div className={className}>
      <label htmlFor={inputId} className={labelClass}>
        {label}
      </label>
      <input id={inputId} name={name} className={inputClass} {...wiring(inputId, hint, errors)} {...rest} />
      <Below id={inputId} hint={hint} errors={errors} />
    </div>
  );
}

type TextAreaProps = TextareaHTMLAttributes<HTMLTextAreaElement> & Common & { ref?: React.Ref<HTMLTextAreaElement> };

export function TextAreaField({ label, hint, errors, id, name, className, ...rest }: TextAreaProps) {
  const inputId = id ?? name;
  return (
    <div className={className}>
      <label htmlFor={inputId} className={labelClass}>
        {label}
      </label>
      <textarea id={inputId} name={name} className={inputClass} {...wiring(inputId, hint, errors)} {...rest} />
      <Below id={inputId} hint={hint} errors={errors} />
    </div>
  );
}

type SelectProps = SelectHTMLAttributes<HTMLSelectElement> & Common & { ref?: React.Ref<HTMLSelectElement> };

export function SelectField({ label, hint, errors, id, name, className, children, ...rest }: SelectProps) {
  const inputId = id ?? name;
  return (
    <div className={className}>
      <label htmlFor={inputId} className={labelClass}>
        {label}
      </label>
      <select id={inputId} name={name} className={inputClass} {...wiring(inputId, hint, errors)} {...rest}>
        {children}
      </select>
      <Below id={inputId} hint={hint} errors={errors} />
    </div>
  );
}
