import type { ReactNode } from "react";
import { loadSpacePage } from "./load";
import { can } from "@/lib/policy";
import { withArticle } from "@/lib/roles";
import { Badge } from "@/components/ui/badge";
import { SpaceTabs } from "@/components/spaces/space-tabs";
import { OriginBanner } from "@/components/archive/origin-banner";
import { spaceOriginOf } from "@/lib/archive/data";

type Props = { children: ReactNode; params: Promise<{ slug: string }> };

export default async function SpaceLayout({ children, params }: Props) {
  const { slug } = await params;
  const { actor, space, role } = await loadSpacePage(slug);
  const origin = await spaceOriginOf(space.id);
  const tabs = [
    { href: "", label: "Overview" },
    { href: "/releases", label: "Releases" },
    { href: "/audits", label: "Audits" },
    { href: "/proposals", label: "Proposals" },
    { href: "/decisions", label: "Decisions" },
    { href: "/history", label: "History" },
    { href: "/members", label: "Members" },
    { href: "/charter", label: "Charter" },
    ...(can(actor, "space.update", { space: { visibility: space.visibility, role, mirrorOf: space.mirrorOf } }).allow ? [{ href: "/settings", label: "Settings" }] : []),
    ...(can(actor, "webhook.manage", { space: { visibility: space.visibility, role, mirrorOf: space.mirrorOf } }).allow ? [{ href: "/settings/webhooks", label: "Webhooks" }] : []),
  ];
  return (
    <div className="space-y-6">
      <header className="space-y-3 border-b border-zinc-200 dark:border-zinc-800">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-3xl font-bold tracking-tight">{space.name}</h1>
          {space.visibility === "private" ? <Badge tone="warn">private</Badge> : <Badge>public</Badge>}
          {role ? <Badge tone="brand">you are {withArticle(role)}</Badge> : null}
        </div>
        {origin ? <OriginBanner origin={origin} /> : null}
        <SpaceTabs slug={space.slug} tabs={tabs} />
      </header>
      {children}
    </div>
  );
}
