// The instance's checkpoint signing key, so anyone can check exports and checkpoints without trusting the server later.
import { publishedKeys } from "@/lib/record/data";
import { instanceKey } from "@/lib/record/signing-key";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    const [key, keys] = await Promise.all([instanceKey(), publishedKeys()]);
    return Response.json({
      keyId: key.keyId,
      publicKey: key.publicKey,
      algorithm: "Ed25519",
      checkpointFormat: "origin\\nsize\\nbase64(rootHash)\\ntimestamp\\n, origin = commonweights/log/<space id>",
      keys: keys.map(({ keyId, publicKey, createdAt }) => ({ keyId, publicKey, algorithm: "Ed25519", createdAt })),
      logs: { events: "/api/v1/spaces/{slug}/events.ndjson", proof: "/api/v1/spaces/{slug}/events/{seq}/proof", consistency: "/api/v1/spaces/{slug}/consistency" },
    });
  } catch {
    return Response.json({ error: { code: "UNAVAILABLE", message: "The signing key could not be loaded." } }, { status: 503 });
  }
}
