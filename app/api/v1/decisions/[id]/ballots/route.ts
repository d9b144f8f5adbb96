import { apiRoute, readBody } from "@/lib/api/handler";
import { ballotFields } from "@/lib/decisions/schema";
import { castBallot } from "@/lib/decisions/use-cases/cast-ballot";

const castBallotEndpoint = apiRoute<{ id: string }>(
  async ({ req, actor, params }) => {
    const body = await readBody(req, ballotFields);
    if (!body.ok) return body;
    return castBallot(actor, { decisionId: params.id, choice: body.data.choice, reason: body.data.reason });
  },
  { status: 201 },
);

export { castBallotEndpoint as POST };
