// The instance's checkpoint key in C2SP note vkey text form, named by the instance log's origin (<host>).
// A space log's vkey is the same key under that log's origin: /s/<slug>/checkpoint.vkey.
import { INSTANCE_LOG } from "@/lib/record/append";
import { logVkey } from "@/lib/record/checkpoint-note";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    return new Response(`${(await logVkey(INSTANCE_LOG)) ?? ""}\n`, { headers: { "Content-Type": "text/plain; charset=utf-8" } });
  } catch {
    return new Response("The signing key could not be loaded.\n", { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
}
