// The space log's latest checkpoint as a C2SP tlog-checkpoint signed note, with witnesses' cosignatures (docs/preserve.md).
import { apiRoute } from "@/lib/api/handler";
import { spaceCheckpointNote } from "@/lib/history/use-cases/space-checkpoint-note";

export const GET = apiRoute<{ slug: string }>(async ({ actor, params }) => {
  const note = await spaceCheckpointNote(actor, params.slug);
  if (!note.ok) return note;
  return new Response(note.data, { headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
});
