import { apiRoute, readBody } from "@/lib/api/handler";
import { describeCharter } from "@/lib/charter/rules";
import { amendSpaceCharter, viewCharter } from "@/lib/spaces/use-cases";
import { ok } from "@/lib/result";
import { apiAmendCharterBody } from "@/lib/spaces/endpoints";
import type { Actor } from "@/lib/auth/session";

async function charterJson(actor: Actor | null, slug: string) {
  const { current } = await viewCharter(actor, slug);
  return {
    version: current.version,
    charter: current.charter,
    plainLanguage: describeCharter(current.charter),
    amendedAt: current.createdAt.toISOString(),
  };
}

export const GET = apiRoute<{ slug: string }>(async ({ actor, params }) => ok(await charterJson(actor, params.slug)));

export const PUT = apiRoute<{ slug: string }>(async ({ req, actor, params }) => {
  const body = await readBody(req, apiAmendCharterBody);
  if (!body.ok) return body;
  const amended = await amendSpaceCharter(actor, { spaceSlug: params.slug, ...body.data });
  return amended.ok ? ok(await charterJson(actor, params.slug)) : amended;
});
