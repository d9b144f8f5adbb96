import { apiRoute, readBody } from "@/lib/api/handler";
import { openDecisionFields } from "@/lib/decisions/schema";
import { openSpaceDecision, spaceDecisions } from "@/lib/decisions/use-cases";
import { ok } from "@/lib/result";

type Params = { slug: string };

export const GET = apiRoute<Params>(async ({ actor, params }) => {
  const { decisions } = await spaceDecisions(actor, params.slug);
  return ok({ decisions });
});

export const POST = apiRoute<Params>(
  async ({ req, actor, params }) => {
    const body = await readBody(req, openDecisionFields);
    if (!body.ok) return body;
    return openSpaceDecision(actor, { ...body.data, spaceSlug: params.slug });
  },
  { status: 201 },
);
