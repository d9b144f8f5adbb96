import { apiRoute, readBody } from "@/lib/api/handler";
import { ok } from "@/lib/result";
import { openProposalFields } from "@/lib/threads/schema";
import { openProposal } from "@/lib/threads/use-cases/open-proposal";
import { spaceProposals } from "@/lib/threads/use-cases/proposals";

type Params = { slug: string };

const spaceProposalsEndpoint = apiRoute<Params>(async ({ actor, params }) => {
  const { proposals } = await spaceProposals(actor, params.slug);
  return ok({ proposals });
});

const openProposalEndpoint = apiRoute<Params>(
  async ({ req, actor, params }) => {
    const body = await readBody(req, openProposalFields);
    if (!body.ok) return body;
    return openProposal(actor, { ...body.data, spaceSlug: params.slug });
  },
  { status: 201 },
);

export { spaceProposalsEndpoint as GET, openProposalEndpoint as POST };
