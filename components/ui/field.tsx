import type { InputHTMLAttributes, ReactNode } from "react";

export const inputClass =
  "block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm text-zinc-900 placeholder:text-zinc-400 focus:border-brand-500 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100";

type Props = InputHTMLAttributes<HTMLInputElement> & { label: string; hint?: ReactNode; errors?: string[] };

export function Field({ label, hint, errors, id, name, className, ...rest }: Props) {
  const inputId = id ?? name;
  const errorId = errors?.length ? `${inputId}-error` : undefined;
  return (
    <div className={className}>
      <label htmlFor={inputId} className="mb-1 block text-sm font-medium text-zinc-800 dark:text-zinc-200">
        {label}
      </label>
      <input id={inputId} name={name} aria-invalid={errors?.length ? true : undefined} aria-describedby={errorId} className={inputClass} {...rest} />
      {hint ? <p className="mt-1 text-xs text-muted">{hint}</p> : null}
      {errors?.length ? (
        <p id={errorId} role="alert" className="mt-1 text-sm text-red-700 dark:text-red-300">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
