"use client";
// A fork's people who arrived with the archive and have not claimed their place, each with the owner's form to map
// them. The last mapping is announced here, not in its form: the mapped person leaves this list, form and all, as soon
// as the page refreshes.
import { useState } from "react";
import { MapIdentityForm } from "@/components/members/map-identity-form";

type Person = { userId: string; name: string | null; role: string };

export function ArrivedPeople({ spaceSlug, people }: { spaceSlug: string; people: Person[] }) {
  const [done, setDone] = useState<string | null>(null);
  return (
    <div className="space-y-4">
      {people.length ? (
        <ul className="space-y-4">
          {people.map((person) => (
            <li key={person.userId}>
              <MapIdentityForm spaceSlug={spaceSlug} person={person} onMapped={setDone} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm">Everyone who arrived with the archive holds their place here.</p>
      )}
      <p role="status" className="text-sm text-brand-700 empty:hidden dark:text-brand-500">
        {done}
      </p>
    </div>
  );
}
