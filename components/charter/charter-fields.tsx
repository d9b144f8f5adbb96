// Form controls for the charter editor: labelled inputs that show server-side field errors in place.
import { useState, type ReactNode } from "react";
import { inputClass } from "@/components/ui/field";
import type { Option } from "@/components/charter/charter-options";

export type FieldErrors = Record<string, string[]>;

/** Messages for `path` and anything below it: list problems arrive as e.g. "decisions.release.advisoryRoles.0". */
export function errorsAt(fields: FieldErrors, path: string): string[] {
  return Object.entries(fields)
    .filter(([key]) => key === path || key.startsWith(`${path}.`))
    .flatMap(([, messages]) => messages);
}

export const fieldId = (path: string) => `charter-${path.replaceAll(".", "-")}`;

const labelClass = "mb-1 block text-sm font-medium text-zinc-800 dark:text-zinc-200";
const hintClass = "mt-1 text-xs text-muted";
const checkboxClass = "size-4 shrink-0 rounded border-zinc-300 accent-brand-600 dark:border-zinc-700";

function describedBy(id: string, hint: ReactNode, errors: string[]): string | undefined {
  const ids = [hint ? `${id}-hint` : "", errors.length > 0 ? `${id}-error` : ""].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

function Messages({ id, hint, errors }: { id: string; hint?: ReactNode; errors: string[] }) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className={hintClass}>
          {hint}
        </p>
      ) : null}
      {errors.length > 0 ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700 dark:text-red-300">
          {errors.join(" ")}
        </p>
      ) : null}
    </>
  );
}

type Common = { path: string; label: string; hint?: ReactNode; errors: string[]; className?: string };

export function SelectField<T extends string>({
  path,
  label,
  hint,
  errors,
  className,
  value,
  options,
  onChange,
}: Common & { value: T; options: readonly Option<T>[]; onChange: (value: T) => void }) {
  const id = fieldId(path);
  return (
    <div className={className}>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <select
        id={id}
        value={value}
        aria-invalid={errors.length > 0 || undefined}
        aria-describedby={describedBy(id, hint, errors)}
        className={inputClass}
        onChange={(event) => {
          const picked = options.find((option) => option.value === event.target.value);
          if (picked) onChange(picked.value);
        }}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <Messages id={id} hint={hint} errors={errors} />
    </div>
  );
}

/**
 * Keeps the typed text as a draft so "0." or an emptied box survive re-renders; the charter only
 * receives finite numbers (null while the box is empty).
 */
export function NumberField({
  path,
  label,
  hint,
  errors,
  className,
  value,
  onChange,
  min,
  max,
  step,
  format = String,
}: Common & {
  value: number | null;
  onChange: (value: number | null) => void;
  min?: number;
  max?: number;
  step: number | "any";
  format?: (value: number) => string;
}) {
  const id = fieldId(path);
  const show = (n: number | null) => (n === null ? "" : format(n));
  const [text, setText] = useState(() => show(value));
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    // The value changed from outside (another control or a refresh): show it unless the draft already means it.
    setSeen(value);
    const draft = text.trim() === "" ? null : Number(text);
    if (draft !== value) setText(show(value));
  }
  return (
    <div className={className}>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        required
        value={text}
        min={min}
        max={max}
        step={step}
        aria-invalid={errors.length > 0 || undefined}
        aria-describedby={describedBy(id, hint, errors)}
        className={inputClass}
        onInvalid={(event) => {
          // Browser validation cannot focus a field inside a closed <details>: open it first.
          const details = event.currentTarget.closest("details");
          if (details) details.open = true;
        }}
        onChange={(event) => {
          const next = event.target.value;
          setText(next);
          const parsed = Number(next);
          if (next.trim() === "") onChange(null);
          else if (Number.isFinite(parsed)) onChange(parsed);
        }}
      />
      <Messages id={id} hint={hint} errors={errors} />
    </div>
  );
}

export function CheckboxField({
  path,
  label,
  hint,
  errors,
  className,
  checked,
  onChange,
}: Common & { checked: boolean; onChange: (checked: boolean) => void }) {
  const id = fieldId(path);
  return (
    <div className={className}>
      <div className="flex items-center gap-2">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          aria-invalid={errors.length > 0 || undefined}
          aria-describedby={describedBy(id, hint, errors)}
          className={checkboxClass}
          onChange={(event) => onChange(event.target.checked)}
        />
        <label htmlFor={id} className="text-sm text-zinc-800 dark:text-zinc-200">
          {label}
        </label>
      </div>
      <Messages id={id} hint={hint} errors={errors} />
    </div>
  );
}

/** A set of checkboxes over `options`; the selection keeps the options' order. */
export function CheckboxGroup<T extends string>({
  path,
  label,
  hint,
  errors,
  className,
  options,
  selected,
  onChange,
}: Common & { options: readonly Option<T>[]; selected: readonly T[]; onChange: (selected: T[]) => void }) {
  const id = fieldId(path);
  const aria = describedBy(id, hint, errors);
  const toggle = (value: T, on: boolean) =>
    onChange(options.map((o) => o.value).filter((v) => (v === value ? on : selected.includes(v))));
  return (
    <fieldset className={className} aria-describedby={aria} aria-invalid={errors.length > 0 || undefined}>
      <legend className={labelClass}>{label}</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-1.5">
        {options.map((option) => {
          const optionId = `${id}-${option.value}`;
          return (
            <div key={option.value} className="flex items-center gap-2">
              <input
                id={optionId}
                type="checkbox"
                checked={selected.includes(option.value)}
                aria-describedby={aria}
                className={checkboxClass}
                onChange={(event) => toggle(option.value, event.target.checked)}
              />
              <label htmlFor={optionId} className="text-sm text-zinc-700 dark:text-zinc-300">
                {option.label}
              </label>
            </div>
          );
        })}
      </div>
      <Messages id={id} hint={hint} errors={errors} />
    </fieldset>
  );
}
