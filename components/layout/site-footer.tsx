import Link from "next/link";

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-zinc-200 py-8 text-sm text-muted dark:border-zinc-800">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4">
        <p>Commonweights: open governance for open models.</p>
        <nav aria-label="Developer" className="flex gap-4">
          <Link href="/api/v1/openapi.json" className="hover:underline">
            API (OpenAPI)
          </Link>
          <Link href="/api/health" className="hover:underline">
            Status
          </Link>
        </nav>
      </div>
    </footer>
  );
}
