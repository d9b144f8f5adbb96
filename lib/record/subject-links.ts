// What a governance event is about, as links a reader can follow: the report, decision, release, charter version or person.
// Pure: the caller passes the titles it looked up (lib/record/data.ts subjectTitles), which only hold items of the
// space being read, so an id the space does not hold (or a malformed one) gets no link rather than a dead one.

export type SubjectLink = { kind: "report" | "decision" | "release" | "charter" | "person" | "members" | "space"; href: string; label: string };

type Lookup = { spaceSlug: string; titles: Record<string, string>; nameOf: (userId: string) => string | undefined };

const idOf = (subject: Record<string, unknown>, key: string): string | null => {
  const value = subject[key];
  // Ids are cuids (and short seed ids): anything else is not put in a URL.
  return typeof value === "string" && /^[A-Za-z0-9_-]{1,64}$/.test(value) ? value : null;
};

export function subjectLinks(type: string, rawSubject: unknown, { spaceSlug, titles, nameOf }: Lookup): SubjectLink[] {
  if (!rawSubject || typeof rawSubject !== "object" || Array.isArray(rawSubject)) return [];
  const subject = rawSubject as Record<string, unknown>;
  const base = `/s/${encodeURIComponent(spaceSlug)}`;
  const links: SubjectLink[] = [];
  const known = (key: string, kind: "report" | "decision" | "release", path: string, label: (title: string) => string) => {
    const id = idOf(subject, key);
    const title = id ? titles[id] : undefined;
    if (id && title) links.push({ kind, href: `${base}/${path}/${id}`, label: label(title) });
  };
  known("reportId", "report", "audits", (title) => title);
  known("decisionId", "decision", "decisions", (title) => `the decision “${title}”`);
  known("releaseId", "release", "releases", (title) => `the release ${title}`);
  if (type === "charter.amended" && typeof subject.version === "number" && Number.isSafeInteger(subject.version) && subject.version > 0) {
    links.push({ kind: "charter", href: `${base}/charter#version-${subject.version}`, label: `charter version ${subject.version}` });
  }
  const userId = idOf(subject, "userId");
  const name = userId ? nameOf(userId) : undefined;
  if (userId && name) links.push({ kind: "person", href: `/u/${userId}`, label: name });
  if (idOf(subject, "invitationId") && !userId) links.push({ kind: "members", href: `${base}/members`, label: "the space's members and invitations" });
  if (type.startsWith("space.")) links.push({ kind: "space", href: base, label: "the space" });
  return links;
}
