import { apiRoute } from "@/lib/api/handler";
import { ok } from "@/lib/result";
import { proposalDetail } from "@/lib/threads/use-cases/proposals";

const proposalDetailEndpoint = apiRoute<{ id: string }>(async ({ actor, params }) => {
  const { spaceSlug: _slug, mayLink: _may, ...proposal } = await proposalDetail(actor, params.id);
  return ok(proposal);
});

export { proposalDetailEndpoint as GET };
