// A member as the API and the members page list them.
import type { getMember } from "@/lib/members/data";

type MemberRow = NonNullable<Awaited<ReturnType<typeof getMember>>>;
export const memberView = (m: MemberRow) => ({ userId: m.userId, name: m.user.name, role: m.role, joinedAt: m.joinedAt.toISOString() });
