// A person's profile as one viewer may see it: their name, how they sign in (provider names only), the spaces the
// viewer can see them in, and their recent governance actions there. Shared by the /u/<id> page and the API.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { providerInfo } from "@/lib/auth/providers";
import { appEnv } from "@/lib/env";
import { describeEvent, peopleNamedIn } from "@/lib/record/describe";
import { subjectTitles } from "@/lib/record/data";
import { fail, ok, type Result } from "@/lib/result";
import { getPublicProfile, publicActivityOf, userNames } from "@/lib/users/data";

const knownProviders: Record<string, string> = { github: "GitHub", gitlab: "GitLab", huggingface: "Hugging Face", oidc: "OpenID Connect" };

type Profile = NonNullable<Awaited<ReturnType<typeof getPublicProfile>>>;
type Activity = Awaited<ReturnType<typeof publicActivityOf>>;

export type ProfileView = {
  profile: Profile;
  providers: string[];
  activity: Activity;
  /** Display names of the people the activity mentions, by id. */
  names: Record<string, string>;
  /** Titles of the activity's subjects, by id, each looked up in the event's own space. */
  titles: Record<string, string>;
  self: boolean;
};

const notFound = () => fail("USER_NOT_FOUND", "No such person.", "not_found");

export async function viewProfile(actor: Actor | null, { userId }: { userId: string }): Promise<Result<ProfileView>> {
  const viewerId = actor?.id ?? null;
  const [profile, activity] = await Promise.all([getPublicProfile(userId, viewerId), publicActivityOf(userId, viewerId)]);
  if (!profile) return notFound();
  const self = viewerId === userId;
  // Someone the viewer shares no visible space or action with is not shown to exist: a member only of private
  // spaces stays as private as those spaces (the same answer as an id nobody has).
  if (!self && profile.memberships.length === 0 && activity.length === 0) return notFound();
  const configured = new Map(providerInfo(appEnv()).map((p) => [p.id as string, p.name]));
  const providers = profile.accounts.map((a) => configured.get(a.provider) ?? knownProviders[a.provider] ?? a.provider);
  const bySpace = new Map<string, Activity>();
  for (const event of activity) bySpace.set(event.space!.id, [...(bySpace.get(event.space!.id) ?? []), event]);
  const [names, ...titles] = await Promise.all([
    userNames([userId, ...activity.flatMap(peopleNamedIn)]),
    ...[...bySpace].map(([spaceId, events]) => subjectTitles(spaceId, events)),
  ]);
  // A person without a display name is not shown by their e-mail on their own profile.
  if (!profile.name) delete names[userId];
  return ok({ profile, providers, activity, names, titles: Object.assign({}, ...titles), self });
}

/** The API's shape of a profile (lib/users/schema.ts profileOutput). */
export function profileJson(view: ProfileView) {
  const nameOf = (id: string | null) => (id ? (view.names[id] ?? "someone") : "the system");
  return {
    id: view.profile.id,
    name: view.profile.name,
    providers: view.providers,
    demo: view.profile.isDemo,
    memberSince: view.profile.createdAt.toISOString(),
    spaces: view.profile.memberships.map((m) => ({ slug: m.space.slug, name: m.space.name, role: m.role, joinedAt: m.joinedAt.toISOString() })),
    activity: view.activity.map((e) => ({
      space: e.space!.slug,
      seq: e.seq,
      type: e.type,
      summary: describeEvent(e, nameOf, (id) => view.titles[id]),
      createdAt: e.createdAt.toISOString(),
    })),
  };
}
