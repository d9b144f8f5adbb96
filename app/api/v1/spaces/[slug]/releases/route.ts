import { apiRoute, readBody, readQuery } from "@/lib/api/handler";
import { ok } from "@/lib/result";
import { apiCreateReleaseBody } from "@/lib/releases/endpoints";
import { releaseJson, releaseListJson } from "@/lib/releases/present";
import { listReleasesQuery } from "@/lib/releases/schema";
import { proposeRelease } from "@/lib/releases/use-cases/propose-release";
import { spaceReleases } from "@/lib/releases/use-cases/space-releases";
import { viewRelease } from "@/lib/releases/use-cases/view-release";

const spaceReleasesEndpoint = apiRoute<{ slug: string }>(async ({ req, actor, params }) => {
  const query = readQuery(req, listReleasesQuery);
  if (!query.ok) return query;
  const { releases } = await spaceReleases(actor, params.slug, query.data);
  return ok({ releases: releases.map(releaseListJson) });
});

const proposeReleaseEndpoint = apiRoute<{ slug: string }>(
  async ({ req, actor, params }) => {
    const body = await readBody(req, apiCreateReleaseBody);
    if (!body.ok) return body;
    const created = await proposeRelease(actor, { ...body.data, spaceSlug: params.slug });
    if (!created.ok) return created;
    const { release } = await viewRelease(actor, created.data.id);
    return ok(releaseJson(release));
  },
  { status: 201 },
);

export { spaceReleasesEndpoint as GET, proposeReleaseEndpoint as POST };
