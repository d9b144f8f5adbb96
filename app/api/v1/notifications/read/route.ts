import { apiRoute, readBody } from "@/lib/api/handler";
import { markReadInput } from "@/lib/notifications/schema";
import { markRead } from "@/lib/notifications/use-cases/mark-read";

export const POST = apiRoute(async ({ req, actor }) => {
  const body = await readBody(req, markReadInput);
  return body.ok ? markRead(actor, body.data) : body;
});
