// The overview's "what is going on": newest releases, newest audit reports, open decisions.
import Link from "next/link";
import type { ReactNode } from "react";
import { Card, CardTitle } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";

type Item = { id: string; href: string; title: string; meta: ReactNode };

function ItemList({ title, items, empty, all }: { title: string; items: Item[]; empty: string; all: string }) {
  return (
    <Card>
      <CardTitle action={<Link href={all} className="text-sm text-brand-700 underline underline-offset-2 dark:text-brand-500">All</Link>}>{title}</CardTitle>
      {items.length === 0 ? (
        <p className="text-sm text-muted">{empty}</p>
      ) : (
        <ul className="space-y-2 text-sm" aria-label={title}>
          {items.map((item) => (
            <li key={item.id} className="flex items-center justify-between gap-3">
              <Link href={item.href} className="font-medium hover:underline">{item.title}</Link>
              <span className="shrink-0">{item.meta}</span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

export function LatestItems({
  slug,
  releases,
  audits,
  decisions,
}: {
  slug: string;
  releases: Array<{ id: string; modelName: string; version: string; status: string }>;
  audits: Array<{ id: string; category: string; verdict: string; release: { modelName: string; version: string } }>;
  decisions: Array<{ id: string; title: string; closesAt: string }>;
}) {
  return (
    <div className="grid gap-6 md:grid-cols-3">
      <ItemList
        title="Open decisions"
        all={`/s/${slug}/decisions`}
        empty="Nothing is being decided right now."
        items={decisions.map((d) => ({
          id: d.id,
          href: `/s/${slug}/decisions/${d.id}`,
          title: d.title,
          meta: <Badge tone="info">
            <span>
              closes <LocalTime at={d.closesAt} style="date" />
            </span>
          </Badge>,
        }))}
      />
      <ItemList
        title="Releases"
        all={`/s/${slug}/releases`}
        empty="No releases proposed yet."
        items={releases.map((r) => ({
          id: r.id,
          href: `/s/${slug}/releases/${r.id}`,
          title: `${r.modelName} ${r.version}`,
          meta: <Badge tone={r.status === "published" ? "brand" : r.status === "voting" ? "info" : "neutral"}>{r.status.replace("_", " ")}</Badge>,
        }))}
      />
      <ItemList
        title="Audit reports"
        all={`/s/${slug}/audits`}
        empty="No audit reports filed yet."
        items={audits.map((a) => ({
          id: a.id,
          href: `/s/${slug}/audits/${a.id}`,
          title: `${a.category.replace("-", " ")} · ${a.release.modelName} ${a.release.version}`,
          meta: <Badge tone={a.verdict === "pass" ? "brand" : a.verdict === "fail" ? "danger" : "warn"}>{a.verdict}</Badge>,
        }))}
      />
    </div>
  );
}
