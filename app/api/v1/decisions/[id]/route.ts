import { apiRoute } from "@/lib/api/handler";
import { decisionDetail } from "@/lib/decisions/use-cases/decision-detail";
import { ok } from "@/lib/result";

const decisionDetailEndpoint = apiRoute<{ id: string }>(async ({ actor, params }) => ok(await decisionDetail(actor, params.id)));

export { decisionDetailEndpoint as GET };
