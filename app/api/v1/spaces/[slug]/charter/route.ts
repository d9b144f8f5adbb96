import { apiRoute, readBody } from "@/lib/api/handler";
import { describeCharter } from "@/lib/charter/rules";
import { amendCharter } from "@/lib/spaces/use-cases/amend-charter";
import { viewCharter } from "@/lib/spaces/use-cases/view-charter";
import { ok } from "@/lib/result";
import { amendCharterFields } from "@/lib/charter/schema-input";
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

const viewCharterEndpoint = apiRoute<{ slug: string }>(async ({ actor, params }) => ok(await charterJson(actor, params.slug)));

// The action's schema (amendCharterInput) less the space, which the path names: the use case validates the
// charter itself, so a bad one answers INVALID_CHARTER with the same field paths as the form hears.
const amendCharterEndpoint = apiRoute<{ slug: string }>(async ({ req, actor, params }) => {
  const body = await readBody(req, amendCharterFields);
  if (!body.ok) return body;
  const amended = await amendCharter(actor, { spaceSlug: params.slug, ...body.data });
  return amended.ok ? ok(await charterJson(actor, params.slug)) : amended;
});

export { viewCharterEndpoint as GET, amendCharterEndpoint as PUT };
