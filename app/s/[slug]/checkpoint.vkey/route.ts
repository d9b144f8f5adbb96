// The verifier key (note vkey text form) of the space log's checkpoints: the instance key under the log's origin.
import { apiRoute } from "@/lib/api/handler";
import { spaceLogVkey } from "@/lib/history/use-cases/space-log-vkey";

export const GET = apiRoute<{ slug: string }>(async ({ actor, params }) => {
  const vkey = await spaceLogVkey(actor, params.slug);
  if (!vkey.ok) return vkey;
  return new Response(`${vkey.data}\n`, { headers: { "Content-Type": "text/plain; charset=utf-8" } });
});
