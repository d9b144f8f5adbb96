import { apiRoute } from "@/lib/api/handler";
import { exportStream } from "@/lib/history/use-cases/export-stream";

export const GET = apiRoute<{ slug: string }>(async ({ actor, params }) => {
  const body = await exportStream(actor, params.slug);
  return new Response(body, {
    headers: {
      "Content-Type": "application/x-ndjson; charset=utf-8",
      "Content-Disposition": `attachment; filename="${params.slug}-events.ndjson"`,
      "Cache-Control": "no-store",
    },
  });
});
