// The instance's checkpoint signing key, so anyone can check exports and checkpoints without trusting the server later.
import { publishedKeys } from "@/lib/record/data";
import { instanceKey } from "@/lib/record/signing-key";
import { INSTANCE_LOG } from "@/lib/record/append";
import { logVkey } from "@/lib/record/checkpoint-note";
import { originHost } from "@/lib/record/origin";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    const [key, keys, vkey] = await Promise.all([instanceKey(), publishedKeys(), logVkey(INSTANCE_LOG, null)]);
    return Response.json({
      keyId: key.keyId,
      publicKey: key.publicKey,
      algorithm: "Ed25519",
      checkpointFormat: "origin\\nsize\\nbase64(rootHash)\\ntimestamp\\n, origin = commonweights/log/<space id>",
      // C2SP (docs/preserve.md): each log's checkpoints are also tlog-checkpoint signed notes, key name = the log's origin.
      note: {
        vkey,
        vkeyText: "/.well-known/commonweights.vkey",
        origin: `${originHost()}/s/{slug}`,
        checkpoint: "/s/{slug}/checkpoint",
        spaceVkey: "/s/{slug}/checkpoint.vkey",
      },
      keys: keys.map(({ keyId, publicKey, createdAt }) => ({ keyId, publicKey, algorithm: "Ed25519", createdAt })),
      logs: { events: "/api/v1/spaces/{slug}/events.ndjson", proof: "/api/v1/spaces/{slug}/events/{seq}/proof", consistency: "/api/v1/spaces/{slug}/consistency" },
    });
  } catch {
    return Response.json({ error: { code: "UNAVAILABLE", message: "The signing key could not be loaded." } }, { status: 503 });
  }
}
