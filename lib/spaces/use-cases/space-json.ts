// A space as the API returns it.

export function spaceJson(
  space: { slug: string; name: string; description: string; visibility: "public" | "private"; homepageUrl: string | null; sourceUrl: string | null; hfOrg: string | null; createdAt: Date },
  extra: { memberCount: number; yourRole: string | null },
) {
  return {
    slug: space.slug,
    name: space.name,
    description: space.description,
    visibility: space.visibility,
    homepageUrl: space.homepageUrl,
    sourceUrl: space.sourceUrl,
    hfOrg: space.hfOrg,
    createdAt: space.createdAt.toISOString(),
    ...extra,
  };
}
