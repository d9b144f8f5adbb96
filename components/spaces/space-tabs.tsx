"use client";
// The space's section navigation; the current section is marked for screen readers too.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

export function SpaceTabs({ slug, tabs }: { slug: string; tabs: Array<{ href: string; label: string }> }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Space sections" className="-mb-px flex gap-1 overflow-x-auto">
      {tabs.map((tab) => {
        const href = `/s/${slug}${tab.href}`;
        const active = tab.href === "" ? pathname === href : pathname.startsWith(href);
        return (
          <Link
            key={tab.href}
            href={href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium",
              active
                ? "border-brand-600 text-brand-700 dark:text-brand-500"
                : "border-transparent text-zinc-600 hover:border-zinc-300 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100",
            )}
          >
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}
