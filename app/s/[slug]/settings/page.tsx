import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { loadSpacePage } from "../load";
import { can } from "@/lib/policy";
import { Card, CardTitle } from "@/components/ui/card";
import { SpaceForm } from "@/components/spaces/space-form";

export const metadata: Metadata = { title: "Space settings" };

export default async function SpaceSettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { actor, space, role } = await loadSpacePage((await params).slug);
  if (!can(actor, "space.update", { space: { visibility: space.visibility, role } }).allow) notFound();
  return (
    <Card className="max-w-3xl">
      <CardTitle>Settings</CardTitle>
      <SpaceForm
        mode="edit"
        initial={{
          slug: space.slug,
          name: space.name,
          description: space.description,
          visibility: space.visibility,
          homepageUrl: space.homepageUrl ?? "",
          sourceUrl: space.sourceUrl ?? "",
          hfOrg: space.hfOrg ?? "",
        }}
      />
    </Card>
  );
}
