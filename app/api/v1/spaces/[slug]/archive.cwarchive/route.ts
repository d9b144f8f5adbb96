import { apiRoute } from "@/lib/api/handler";
import { spaceArchiveStream } from "@/lib/archive/export";

export const GET = apiRoute<{ slug: string }>(async ({ req, actor, params }) => {
  const body = await spaceArchiveStream(actor, params.slug, process.env.AUTH_URL || new URL(req.url).origin);
  return new Response(body, {
    headers: {
      "Content-Type": "application/x-ndjson; charset=utf-8",
      "Content-Disposition": `attachment; filename="${params.slug}.cwarchive"`,
      "Cache-Control": "no-store",
    },
  });
});
