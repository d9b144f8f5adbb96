import { apiRoute, readBody } from "@/lib/api/handler";
import { linkProposalFields } from "@/lib/threads/schema";
import { linkProposal } from "@/lib/threads/use-cases/link-proposal";

const linkProposalEndpoint = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const body = await readBody(req, linkProposalFields);
  if (!body.ok) return body;
  return linkProposal(actor, { ...body.data, proposalId: params.id });
});

export { linkProposalEndpoint as POST };
