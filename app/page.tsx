import Link from "next/link";
import { currentActor } from "@/lib/auth/session";
import { listVisibleSpaces } from "@/lib/spaces/data";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClass } from "@/components/ui/button";

export default async function HomePage() {
  const actor = await currentActor();
  const spaces = await listVisibleSpaces({ viewerId: actor?.id ?? null });
  return (
    <div className="space-y-12">
      <section className="max-w-3xl space-y-4 pt-6">
        <h1 className="text-4xl font-bold tracking-tight sm:text-5xl">Govern your open models in the open.</h1>
        <p className="text-lg text-zinc-600 dark:text-zinc-400">
          Commonweights is where an open-source AI community proposes model releases pinned to exact bytes, files and
          reviews audits, and votes on licensing and deployment by the rules of its own charter. Every decision lands in
          a tamper-evident record that anyone can export and verify offline.
        </p>
        <div className="flex gap-3 pt-2">
          {actor ? (
            <Link href="/spaces/new" className={buttonClass("primary")}>
              Create a space
            </Link>
          ) : (
            <Link href="/signin" className={buttonClass("primary")}>
              Sign in to take part
            </Link>
          )}
        </div>
      </section>

      <section aria-labelledby="spaces-heading" className="space-y-4">
        <h2 id="spaces-heading" className="text-xl font-semibold">
          {actor ? "Spaces" : "Public spaces"}
        </h2>
        {spaces.length === 0 ? (
          <EmptyState title="No spaces yet">
            A space is where one community governs its models. Sign in and create the first one.
          </EmptyState>
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {spaces.map((space) => (
              <li key={space.id}>
                <Link
                  href={`/s/${space.slug}`}
                  className="block h-full rounded-xl border border-zinc-200 bg-white p-5 shadow-sm transition hover:border-brand-500 dark:border-zinc-800 dark:bg-zinc-900"
                >
                  <div className="flex items-center justify-between gap-2">
                    <h3 className="font-semibold">{space.name}</h3>
                    {space.visibility === "private" ? <Badge tone="warn">private</Badge> : null}
                  </div>
                  <p className="mt-1 font-mono text-xs text-muted">/s/{space.slug}</p>
                  <p className="mt-3 line-clamp-3 text-sm text-zinc-600 dark:text-zinc-400">{firstLine(space.description)}</p>
                  <p className="mt-4 text-xs text-muted">
                    {space._count.memberships} member{space._count.memberships === 1 ? "" : "s"}
                  </p>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function firstLine(markdown: string): string {
  return markdown.replace(/[#*_`>]/g, "").split("\n").find((line) => line.trim()) ?? "";
}
