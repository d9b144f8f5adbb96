// The instance's checkpoint signing key, so anyone can check exports and checkpoints without trusting the server later.
import { publishedKeys } from "@/lib/record/data";
import { instanceKey } from "@/lib/record/signing-key";
import { INSTANCE_LOG } from "@/lib/record/append";
import { logVkey } from "@/lib/record/checkpoint-note";
import { originHost } from "@/lib/record/origin";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    // The key first: on a fresh instance it is created by this call, and the list must include it.
    const key = await instanceKey();
    const [keys, vkey] = await Promise.all([publishedKeys(), logVkey(INSTANCE_LOG)]);
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
      // This instance's keys only: every checkpoint it signs is by one of them.
      keys: keys.own.map(({ keyId, publicKey, createdAt }) => ({ keyId, publicKey, algorithm: "Ed25519", createdAt })),
      // Keys of other instances, held to check the checkpoints their archives carried (mirrors, forks up to their
      // import). Each is its origin's, never this instance's: it signs nothing here.
      originKeys: keys.imported.map(({ keyId, publicKey, origin, spaces }) => ({ keyId, publicKey, algorithm: "Ed25519", origin, spaces })),
      logs: { events: "/api/v1/spaces/{slug}/events.ndjson", proof: "/api/v1/spaces/{slug}/events/{seq}/proof", consistency: "/api/v1/spaces/{slug}/consistency" },
    });
  } catch {
    return Response.json({ error: { code: "UNAVAILABLE", message: "The signing key could not be loaded." } }, { status: 503 });
  }
}
