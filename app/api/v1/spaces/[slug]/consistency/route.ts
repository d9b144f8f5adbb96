import { apiRoute, readQuery } from "@/lib/api/handler";
import { consistencyQuery } from "@/lib/record/endpoints";
import { consistencyProofFor } from "@/lib/history/use-cases/consistency-proof-for";

export const GET = apiRoute<{ slug: string }>(async ({ req, actor, params }) => {
  const query = readQuery(req, consistencyQuery);
  if (!query.ok) return query;
  return consistencyProofFor(actor, params.slug, query.data);
});
