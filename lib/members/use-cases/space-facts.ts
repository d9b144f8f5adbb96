// The space's facts the policy decides membership actions on: its visibility and the actor's role there.
import type { SpaceAccess } from "@/lib/spaces/data";

export const spaceFacts = (access: SpaceAccess) => ({ visibility: access.space.visibility, role: access.role });
