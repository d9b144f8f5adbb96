import { apiRoute, readBody } from "@/lib/api/handler";
import { openDecisionFields } from "@/lib/decisions/schema";
import { spaceDecisions } from "@/lib/decisions/use-cases/space-decisions";
import { openDecision } from "@/lib/decisions/use-cases/open-decision";
import { ok } from "@/lib/result";

type Params = { slug: string };

const spaceDecisionsEndpoint = apiRoute<Params>(async ({ actor, params }) => {
  const { decisions } = await spaceDecisions(actor, params.slug);
  return ok({ decisions });
});

const openDecisionEndpoint = apiRoute<Params>(
  async ({ req, actor, params }) => {
    const body = await readBody(req, openDecisionFields);
    if (!body.ok) return body;
    return openDecision(actor, { ...body.data, spaceSlug: params.slug });
  },
  { status: 201 },
);

export { spaceDecisionsEndpoint as GET, openDecisionEndpoint as POST };
