// The spaces this reader can see.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { listVisibleSpaces } from "@/lib/spaces/data";
import { spaceJson } from "@/lib/spaces/use-cases/space-json";

export async function listSpaces(actor: Actor | null) {
  const spaces = await listVisibleSpaces({ viewerId: actor?.id ?? null, take: 200 });
  return spaces.map((s) =>
    spaceJson(s, {
      memberCount: s._count.memberships,
      yourRole: (s.memberships as Array<{ role: string }> | undefined)?.[0]?.role ?? null,
    }),
  );
}
