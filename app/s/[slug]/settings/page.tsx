import type { Metadata } from "next";
import { loadSpacePage } from "../load";
import { can } from "@/lib/policy";
import { Card, CardTitle } from "@/components/ui/card";
import { NotAllowed } from "@/components/spaces/not-allowed";
import { SpaceForm } from "@/components/spaces/space-form";

export const metadata: Metadata = { title: "Space settings" };

export default async function SpaceSettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { actor, space, role } = await loadSpacePage(slug);
  const decision = can(actor, "space.update", { space: { visibility: space.visibility, role, mirrorOf: space.mirrorOf } });
  if (!decision.allow) {
    return <NotAllowed title="You cannot change this space's settings" refusal={decision} callbackPath={`/s/${slug}/settings`} />;
  }
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
