import { apiRoute } from "@/lib/api/handler";
import { spaceFeed } from "@/lib/history/use-cases/space-feed";

export const GET = apiRoute<{ slug: string }>(async ({ req, actor, params }) => {
  const xml = await spaceFeed(actor, params.slug, new URL(req.url).origin, new Date());
  return new Response(xml, { headers: { "Content-Type": "application/atom+xml; charset=utf-8" } });
});
