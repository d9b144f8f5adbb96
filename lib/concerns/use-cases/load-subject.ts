// Finds a concern's subject and checks the actor may see its space: another space's ids, or a private space the
// actor cannot see, answer exactly like a subject that does not exist. Shared by the concern use cases.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { charterAtVersion, currentCharter } from "@/lib/charter/data";
import { eligibleMap, voterOnList } from "@/lib/charter/eligible-voter";
import { concernSubject, type ConcernSubject } from "@/lib/concerns/data";
import type { ConcernSubjectKind } from "@/lib/concerns/rules";
import { mappedPeopleOf } from "@/lib/members/data";
import { DomainError } from "@/lib/result";
import { requireSpace } from "@/lib/spaces/access";
import { spaceFacts, type SpaceFacts } from "@/lib/spaces/data";
import type { SpaceRole } from "@/lib/policy-resource";

export const noSuch = (kind: ConcernSubjectKind | "concern") => new DomainError("NOT_FOUND", `No such ${kind}.`, "not_found");

export type LoadedSubject = {
  subject: ConcernSubject;
  space: { id: string; slug: string; visibility: "public" | "private"; mirrorOf: string | null };
  role: SpaceRole | null;
  /** What the policy decides on about the space, mirror included: every concern write asks with these. */
  facts: SpaceFacts;
};

export async function loadSubject(actor: Actor | null, kind: ConcernSubjectKind, id: string, spaceSlug?: string): Promise<LoadedSubject> {
  const subject = await concernSubject(kind, id);
  // A path under one space (/s/a/…) naming another space's subject is a missing one too.
  if (!subject || (spaceSlug !== undefined && subject.spaceSlug !== spaceSlug)) throw noSuch(kind);
  try {
    const access = await requireSpace(actor, subject.spaceSlug, "concern.view");
    return { subject, space: access.space, role: access.role, facts: spaceFacts(access) };
  } catch (error) {
    if (error instanceof DomainError && error.kind === "not_found") throw noSuch(kind);
    throw error;
  }
}

/** Whether the actor's vote on the subject binds: a decision's frozen eligibility, or the release kind's binding roles now. */
export async function votesBindingly(actorId: string | undefined, { subject, role }: LoadedSubject): Promise<boolean> {
  if (!actorId || !role) return false;
  if (subject.eligibility) {
    // On a fork, a decision open at the origin lists the person mapped to the actor (lib/charter/eligible-voter.ts).
    const eligible = eligibleMap(subject.eligibility);
    const standsFor = eligible.has(actorId) ? [] : await mappedPeopleOf(subject.spaceId, actorId);
    const onList = voterOnList({ userId: actorId, standsFor, eligible });
    return onList.ok && onList.binding;
  }
  const { charter } = await currentCharter(subject.spaceId);
  return charter.decisions.release.bindingRoles.includes(role);
}

/** The charter's concernsBlock for the subject: the version a decision opened under, or the current one for a release. */
export async function concernsBlock(subject: ConcernSubject): Promise<boolean> {
  const charter = subject.charterVersion !== undefined ? await charterAtVersion(subject.spaceId, subject.charterVersion) : (await currentCharter(subject.spaceId)).charter;
  return charter.decisions[subject.decisionKind]?.concernsBlock ?? false;
}
