"use client";
// The one way every server-action form works: react-hook-form keeps what was typed, a check in the browser and
// the action's `fields` put every problem under its field, focus goes to the first, and success clears them.
import { useEffect, useId, useState, useSyncExternalStore, useTransition, type FormEvent, type FormHTMLAttributes, type ReactNode } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path, type PathValue } from "react-hook-form";
import type { z } from "zod";
import type { AppError, Result } from "@/lib/result";
import { parseInput } from "@/lib/validation";

export type FieldErrors = Record<string, string[]>;

type Options<V extends FieldValues> = {
  defaultValues: DefaultValues<V>;
  /** Problems found in the browser before anything is sent, keyed by the form's field names: all of them at once. */
  check?: (values: V) => { [name: string]: string[] | undefined };
  /**
   * The form field an action's error path belongs to ("artifacts.0.sizeBytes" -> "artifacts.0.sizeBytes",
   * "components.3.license" -> "components.hf.license"); null when no field shows it (it goes to the summary).
   */
  fieldOf?: (path: string, values: V) => string | null;
};

/** Messages for `name` and anything below it (list items arrive as e.g. "links.2"). */
export function errorsUnder(errors: FieldErrors, name: string): string[] {
  return Object.entries(errors)
    .filter(([key]) => key === name || key.startsWith(`${name}.`))
    .flatMap(([, messages]) => messages);
}

/**
 * Runs an action's own zod schema in the browser on what the form would send: every field problem at once, in the
 * same words the server would use, under the form's field names (`fieldOf` as for server errors).
 */
export function schemaProblems<V>(schema: z.ZodType, input: unknown, values: V, fieldOf?: (path: string, values: V) => string | null): FieldErrors {
  const parsed = parseInput(schema, input);
  if (parsed.ok) return {};
  const out: FieldErrors = {};
  for (const [path, messages] of Object.entries(parsed.error.fields ?? {})) {
    const name = fieldOf ? fieldOf(path, values) : path;
    (out[name ?? "_"] ??= []).push(...messages);
  }
  return out;
}

/** A message as a sentence: some schema messages lack the full stop. */
const sentence = (message: string) => (/[.?!…"”]$/.test(message.trim()) ? message.trim() : `${message.trim()}.`);

export const fieldDomId = (name: string) => `field-${name.replace(/[^A-Za-z0-9_-]+/g, "-")}`;

function withoutName(errors: FieldErrors, name: string): FieldErrors {
  const stale = Object.keys(errors).filter((key) => key === name || key.startsWith(`${name}.`) || name.startsWith(`${key}.`));
  if (stale.length === 0) return errors;
  const next = { ...errors };
  for (const key of stale) delete next[key];
  return next;
}

const noSubscription = () => () => {};

/** False in the server's HTML and during hydration, true once React owns the page. */
function useHydrated(): boolean {
  return useSyncExternalStore(noSubscription, () => true, () => false);
}

export function useActionForm<V extends FieldValues>({ defaultValues, check, fieldOf }: Options<V>) {
  const form = useForm<V>({ defaultValues });
  const ready = useHydrated();
  // The form element is found by id, not a ref: values read in render stay plain (React Compiler rules).
  const id = useId();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [shown, setShown] = useState(0);
  const [pending, startTransition] = useTransition();

  // A field's message goes once the person changes that field: fixed errors do not stay on screen.
  useEffect(() => {
    return form.subscribe({
      formState: { values: true },
      callback: ({ name }) => {
        if (name) setErrors((current) => withoutName(current, name));
      },
    });
  }, [form]);

  // After errors render: list them with their fields' labels (read from the page, so the summary names what the
  // person sees), and after a submit focus the first field in page order that has one, scrolled into view.
  const [items, setItems] = useState<SummaryItem[]>([]);
  useEffect(() => {
    const root = document.getElementById(id);
    if (!root) return;
    const found: SummaryItem[] = [];
    const counted = new Set<string>();
    for (const element of root.querySelectorAll<HTMLElement>('[aria-invalid="true"]')) {
      const node = element.getAttribute("aria-describedby")?.split(" ").map((id) => root.querySelector(`[id="${id}"]`)).find((n) => n?.id.endsWith("-error"));
      const message = node?.textContent;
      // The radios, checkboxes or rank selects of one choice share one message: one problem, named by the group's legend.
      if (!node || !message || counted.has(node.id)) continue;
      counted.add(node.id);
      const grouped = root.querySelectorAll(`[aria-describedby~="${node.id}"]`).length > 1;
      const legend = grouped ? element.closest("fieldset")?.querySelector(":scope > legend")?.textContent : null;
      const labelled = legend ?? (element as HTMLInputElement).labels?.[0]?.textContent ?? element.getAttribute("aria-label") ?? "";
      found.push({ id: element.id, label: labelled.trim(), message });
    }
    // The labels live in the rendered page, so this effect reads it and keeps the result: a deliberate second render.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setItems(found);
  }, [errors, id]);
  useEffect(() => {
    if (shown === 0) return;
    const root = document.getElementById(id);
    const target = root?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? root?.querySelector<HTMLElement>("[data-error-summary]");
    if (!target) return;
    target.scrollIntoView({ block: "center" });
    target.focus({ preventScroll: true });
  }, [shown, id]);

  function show(fields: FieldErrors, messages: string[]) {
    setErrors(Object.fromEntries(Object.entries(fields).map(([name, list]) => [name, list.map(sentence)])));
    setGeneral(messages.map(sentence));
    setShown((n) => n + 1);
  }

  function showError(error: AppError, values: V) {
    const fields: FieldErrors = {};
    const unplaced: string[] = [];
    for (const [path, messages] of Object.entries(error.fields ?? {})) {
      const name = fieldOf ? fieldOf(path, values) : path;
      if (name === null) unplaced.push(...messages);
      else (fields[name] ??= []).push(...messages);
    }
    // Without field messages, the action's own sentence (a rule, a permission) is the whole story.
    show(fields, Object.keys(error.fields ?? {}).length === 0 ? [error.message] : unplaced);
  }

  /** An onSubmit handler: check, send, then either `done` (errors cleared) or every error at its field. */
  function handle<T>(send: (values: V) => Promise<Result<T>>, done: (data: T, values: V) => void) {
    return (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      const values = form.getValues();
      const found = Object.fromEntries(Object.entries(check ? check(values) : {}).filter((entry): entry is [string, string[]] => Boolean(entry[1]?.length)));
      if (Object.keys(found).length > 0) return show(found, []);
      startTransition(async () => {
        const result = await send(values);
        if (result.ok) {
          setErrors({});
          setGeneral([]);
          done(result.data, values);
        } else showError(result.error, values);
      });
    };
  }

  /** Sets one value from a controlled input (clears that field's error through the watch above). */
  function set<N extends Path<V>>(name: N, value: PathValue<V, N>) {
    form.setValue(name, value, { shouldDirty: true });
  }

  /** The accessibility wiring of one input: id, aria-invalid, aria-describedby (hint and message). */
  function describe(name: string, { hint = false, id = fieldDomId(name) }: { hint?: boolean; id?: string } = {}) {
    const invalid = errorsUnder(errors, name).length > 0;
    const describedBy = [hint ? `${id}-hint` : "", invalid ? `${id}-error` : ""].filter(Boolean).join(" ");
    return { id, "aria-invalid": invalid ? (true as const) : undefined, "aria-describedby": describedBy || undefined };
  }

  return {
    form,
    /** The form element's id: `<form id={f.id}>`. */
    id,
    errors,
    general,
    items,
    pending,
    /** Hydrated: until then the fields are disabled (see ActionFormElement). */
    ready,
    handle,
    set,
    describe,
    errorsAt: (name: string) => errorsUnder(errors, name),
    /** Shows problems found outside the check (e.g. a file that does not parse) the same way. */
    show,
    clear: () => show({}, []),
  };
}

type SummaryItem = { id: string; label: string; message: string };

type FormElementProps = { form: { id: string; ready: boolean }; children: ReactNode } & Omit<FormHTMLAttributes<HTMLFormElement>, "id" | "children">;

/**
 * The <form> of a useActionForm form. Its fields stay disabled until the page is hydrated: react-hook-form writes
 * its default values into the fields when it registers them, so anything typed or picked before would be lost.
 * The class styles the fieldset, which holds the fields (role none: it only carries the disabled state).
 */
export function ActionFormElement({ form, className, children, ...props }: FormElementProps) {
  return (
    <form id={form.id} noValidate {...props}>
      <fieldset role="none" disabled={!form.ready} className={className ? `min-w-0 ${className}` : "min-w-0"}>
        {children}
      </fieldset>
    </form>
  );
}
export type ActionForm = { errors: FieldErrors; general: string[]; items: SummaryItem[] };

/** The message under a field; its id matches `describe(name)`'s aria-describedby. */
export function FieldMessage({ id, messages }: { id: string; messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <p id={`${id}-error`} className="mt-1 text-sm text-red-700 dark:text-red-300">
      {messages.join(" ")}
    </p>
  );
}

/**
 * Every problem of the last submit in one list next to the button, announced to screen readers (role=alert), each
 * naming its field and linking to it; the messages also stand under their fields.
 */
export function ErrorSummary({ form, compact = false }: { form: ActionForm; /** For a one-field form (a confirmation): the field's message is read out, not shown twice. */ compact?: boolean }) {
  // Field messages not placed on the page (none should be) still show here, after the placed ones.
  const placed = new Set(form.items.map((item) => item.message));
  const loose = [...new Set([...Object.values(form.errors).flat().filter((m) => !placed.has(m)), ...form.general])];
  const count = form.items.length + loose.length;
  if (compact) {
    return (
      <div role="alert" data-testid="form-error" data-error-summary tabIndex={-1} className="text-sm text-red-700 dark:text-red-300">
        {form.items.map((item) => (
          <span key={`${item.id}:${item.message}`} className="sr-only">
            {item.label ? `${item.label}: ` : ""}
            {item.message}
          </span>
        ))}
        {loose.map((message) => (
          <p key={message}>{message}</p>
        ))}
      </div>
    );
  }
  return (
    <div
      role="alert"
      data-testid="form-error"
      data-error-summary
      tabIndex={-1}
      className={count ? "rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200" : undefined}
    >
      {count === 1 && form.items.length === 0 ? <p>{loose[0]}</p> : null}
      {count > 1 || form.items.length > 0 ? (
        <>
          <p className="font-medium">{count === 1 ? "One thing needs fixing" : `${count} things need fixing`} before this can be sent:</p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5">
            {form.items.map((item) => (
              <li key={`${item.id}:${item.message}`}>
                <a
                  href={`#${item.id}`}
                  className="underline"
                  onClick={(event) => {
                    event.preventDefault();
                    const target = document.getElementById(item.id);
                    target?.scrollIntoView({ block: "center" });
                    target?.focus({ preventScroll: true });
                  }}
                >
                  {item.label ? `${item.label}: ` : ""}
                  {item.message}
                </a>
              </li>
            ))}
            {loose.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
