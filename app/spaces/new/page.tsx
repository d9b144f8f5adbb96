import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/session";
import { Card } from "@/components/ui/card";
import { SpaceForm } from "@/components/spaces/space-form";

export const metadata: Metadata = { title: "New space" };

export default async function NewSpacePage() {
  if (!(await currentActor())) redirect("/signin?callbackUrl=/spaces/new");
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Create a space</h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          A space is where one community governs its models. You become its owner, and it starts with a charter modelled
          on the Apache release process that you can change at any time.
        </p>
      </div>
      <Card>
        <SpaceForm mode="create" />
      </Card>
    </div>
  );
}
