// Read-only, plain-language rendering of a space's charter (server-compatible).
import { Card, CardTitle } from "@/components/ui/card";
import { describeCharter, type Charter } from "@/lib/charter/rules";
import { LocalTime } from "@/components/ui/local-time";

function SentenceList({ items, label }: { items: string[]; label: string }) {
  return (
    <ul aria-label={label} className="list-disc space-y-1.5 pl-5 text-sm leading-relaxed text-zinc-700 marker:text-zinc-400 dark:text-zinc-300">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}

export function CharterView({ charter, version, amendedAt }: { charter: Charter; version: number; amendedAt: string }) {
  const description = describeCharter(charter);
  return (
    <div className="space-y-4" data-testid="charter-view">
      <p className="text-xs text-muted" data-testid="charter-version">
        Version {version}, amended <LocalTime at={amendedAt} style="date" />
      </p>
      <Card>
        <CardTitle>Decisions</CardTitle>
        <div className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {description.decisions.map(({ kind, title, sentence }) => (
            <section key={kind} aria-labelledby={`charter-kind-${kind}`} className="py-3 first:pt-0 last:pb-0">
              <h3 id={`charter-kind-${kind}`} className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">
                {title}
              </h3>
              <p data-testid={`charter-sentence-${kind}`} className="mt-1 text-sm leading-relaxed text-zinc-700 dark:text-zinc-300">
                {sentence}
              </p>
            </section>
          ))}
        </div>
      </Card>
      <div className="grid gap-4 md:grid-cols-2">
        <Card>
          <CardTitle>Audits</CardTitle>
          <SentenceList items={description.audits} label="Audit rules" />
        </Card>
        <Card>
          <CardTitle>Membership</CardTitle>
          <SentenceList items={description.membership} label="Membership rules" />
        </Card>
      </div>
      <Card>
        <CardTitle>Amendments</CardTitle>
        <p data-testid="charter-amendments" className="text-sm leading-relaxed text-zinc-700 dark:text-zinc-300">
          {description.amendments}
        </p>
      </Card>
    </div>
  );
}
