import { apiRoute, readQuery } from "@/lib/api/handler";
import { eventsQuery } from "@/lib/record/endpoints";
import { eventsAfter } from "@/lib/history/use-cases/events-after";

export const GET = apiRoute<{ slug: string }>(async ({ req, actor, params }) => {
  const query = readQuery(req, eventsQuery);
  if (!query.ok) return query;
  return eventsAfter(actor, params.slug, query.data);
});
