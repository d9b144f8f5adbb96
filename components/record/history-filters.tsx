// The history page's filters: a plain GET form, so it works without JavaScript and every view has a URL.
import type { HistoryQuery } from "@/lib/record/schema";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

const label = "mb-1 block text-sm font-medium text-zinc-800 dark:text-zinc-200";

export function HistoryFilters({
  action,
  query,
  types,
  actors,
}: {
  action: string;
  query: HistoryQuery;
  types: string[];
  actors: Array<{ id: string; name: string }>;
}) {
  return (
    <form method="get" action={action} role="search" aria-label="Filter history" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
      <div className="sm:col-span-2 lg:col-span-3">
        <label htmlFor="history-q" className={label}>
          Search
        </label>
        <input id="history-q" name="q" type="search" defaultValue={query.q ?? ""} placeholder="e.g. prompt injection, license, -draft" className={inputClass} />
      </div>
      <div>
        <label htmlFor="history-type" className={label}>
          Event type
        </label>
        <input id="history-type" name="type" list="history-types" defaultValue={query.type ?? ""} placeholder="e.g. member or ballot.cast" className={inputClass} />
        <datalist id="history-types">
          {types.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
      </div>
      <div>
        <label htmlFor="history-actor" className={label}>
          Who
        </label>
        <select id="history-actor" name="actor" defaultValue={query.actor ?? ""} className={inputClass}>
          <option value="">Anyone</option>
          {actors.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="history-subject" className={label}>
          About (an id)
        </label>
        <input id="history-subject" name="subject" defaultValue={query.subject ?? ""} placeholder="release, report, finding or decision id" className={inputClass} />
      </div>
      <div>
        <label htmlFor="history-from" className={label}>
          From
        </label>
        <input id="history-from" name="from" type="date" defaultValue={query.from ?? ""} className={inputClass} />
      </div>
      <div>
        <label htmlFor="history-to" className={label}>
          To
        </label>
        <input id="history-to" name="to" type="date" defaultValue={query.to ?? ""} className={inputClass} />
      </div>
      <div className="flex items-end gap-2">
        <button type="submit" className={buttonClass("primary")}>
          Apply filters
        </button>
        <a href={action} className={buttonClass("ghost")}>
          Clear
        </a>
      </div>
    </form>
  );
}
