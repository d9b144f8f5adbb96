import { apiRoute, readQuery } from "@/lib/api/handler";
import { parseInput } from "@/lib/validation";
import { proofQuery, seqParam } from "@/lib/record/endpoints";
import { inclusionProofFor } from "@/lib/history/use-cases/inclusion-proof-for";

export const GET = apiRoute<{ slug: string; seq: string }>(async ({ req, actor, params }) => {
  const seq = parseInput(seqParam, params.seq);
  if (!seq.ok) return seq;
  const query = readQuery(req, proofQuery);
  if (!query.ok) return query;
  return inclusionProofFor(actor, params.slug, { seq: seq.data, size: query.data.size });
});
