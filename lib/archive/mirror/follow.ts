// A live mirror follows its origin over the API: it reads the origin's latest signed checkpoint, checks that it is
// signed by a key it knows and consistent with the last checkpoint it holds (RFC 6962 consistency proof), then pulls a
// fresh archive, which must verify and start with exactly the events it holds. If the origin ever rewrites history the
// mirror stops following for good, keeps the evidence (both checkpoints, the failed proof) and records why.
import "server-only";
import { followedMirror, type FollowedMirror } from "@/lib/archive/mirror/data";
import { catchUp, markPulled, stopFollowing, type StopEvidence } from "@/lib/archive/mirror/mutations";
import { verifyArchive } from "@/lib/archive/verify";
import { verifyCheckpoint } from "@/lib/record/checkpoint";
import { publicKeyFor } from "@/lib/record/data";
import { checkpointOrigin } from "@/lib/record/sequencer";
import { hexToBytes } from "@/lib/record/merkle";
import { verifyConsistency } from "@/lib/record/verify-proof";

export type FollowOutcome = { status: "up-to-date" | "caught-up" | "stopped" | "unreachable"; detail: string };
type Fetch = (url: string, init?: RequestInit) => Promise<Response>;
type OriginCheckpoint = { size: number; rootHash: string; timestamp: string; signature: string; keyId: string; origin: string };
type Consistency = { from: number; to: number; proof: string[]; fromRoot: string; toRoot: string };

const TIMEOUT_MS = 30_000;

async function getJson<T>(fetcher: Fetch, url: string): Promise<T> {
  const response = await fetcher(url, { signal: AbortSignal.timeout(TIMEOUT_MS), headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return (await response.json()) as T;
}

/** Why the origin's answers prove a rewrite, or null when they are consistent with what the mirror holds. */
async function rewriteOf(mirror: FollowedMirror, cp: OriginCheckpoint, consistency: Consistency | null): Promise<string | null> {
  const key = await publicKeyFor(cp.keyId);
  if (!key) return `the origin's checkpoint of size ${cp.size} is signed by key ${cp.keyId}, which this mirror does not know.`;
  if (!verifyCheckpoint({ ...cp, origin: checkpointOrigin(mirror.spaceId) }, key).ok) return `the origin's checkpoint of size ${cp.size} has an invalid signature.`;
  if (cp.size < mirror.checkpointSize) return `the origin's log shrank from ${mirror.checkpointSize} to ${cp.size} events.`;
  if (cp.size === mirror.checkpointSize) return cp.rootHash === mirror.rootHash ? null : `the origin signs a different root for the same ${cp.size} events.`;
  if (!consistency || consistency.fromRoot !== mirror.rootHash || consistency.toRoot !== cp.rootHash) {
    return `the origin's consistency proof from ${mirror.checkpointSize} to ${cp.size} events is not about the roots this mirror holds and the origin signed.`;
  }
  const checked = verifyConsistency({
    size1: mirror.checkpointSize,
    size2: cp.size,
    root1: hexToBytes(mirror.rootHash),
    root2: hexToBytes(cp.rootHash),
    proof: consistency.proof.map(hexToBytes),
  });
  return checked.ok ? null : `the origin's checkpoint of size ${cp.size} is not consistent with the one of size ${mirror.checkpointSize} this mirror holds (${checked.reason}).`;
}

/** One pull of one mirror; never throws for what the origin says (a network failure is "unreachable", tried again later). */
export async function followMirror(spaceId: string, { fetch: fetcher = fetch }: { fetch?: Fetch } = {}): Promise<FollowOutcome> {
  const mirror = await followedMirror(spaceId);
  if (!mirror) return { status: "stopped", detail: "This space is not a following mirror." };
  const base = `${mirror.instance}/api/v1/spaces/${encodeURIComponent(mirror.originSlug)}`;
  const held = { size: mirror.checkpointSize, rootHash: mirror.rootHash };
  let cp: OriginCheckpoint;
  let consistency: Consistency | null = null;
  try {
    const page = await getJson<{ checkpoint: OriginCheckpoint | null }>(fetcher, `${base}/events?after=${Math.max(-1, held.size - 1)}&limit=1`);
    if (!page.checkpoint) return { status: "unreachable", detail: "The origin has no signed checkpoint." };
    cp = page.checkpoint;
    if (cp.size > held.size) consistency = await getJson<Consistency>(fetcher, `${base}/consistency?from=${held.size}&to=${cp.size}`);
  } catch (error) {
    return { status: "unreachable", detail: `The origin could not be read: ${error instanceof Error ? error.message : String(error)}` };
  }
  const stop = async (reason: string) => {
    const evidence: StopEvidence = { reason: `History was rewritten at the origin: ${reason}`, held, origin: cp, proof: consistency };
    await stopFollowing(spaceId, evidence);
    return { status: "stopped" as const, detail: evidence.reason };
  };
  const rewrite = await rewriteOf(mirror, cp, consistency);
  if (rewrite) return stop(rewrite);
  if (cp.size === held.size) {
    await markPulled(spaceId);
    return { status: "up-to-date", detail: `Verified to checkpoint ${held.size}; nothing new.` };
  }
  let text: string;
  try {
    const response = await fetcher(`${base}/archive.cwarchive`, { signal: AbortSignal.timeout(10 * TIMEOUT_MS) });
    if (!response.ok) throw new Error(`the archive answered ${response.status}`);
    text = await response.text();
  } catch (error) {
    return { status: "unreachable", detail: `The origin's archive could not be read: ${error instanceof Error ? error.message : String(error)}` };
  }
  const source = async function* () {
    yield Buffer.from(text);
  };
  const archive = await verifyArchive(source(), { prefix: held });
  if (!archive.ok) return archive.reason.startsWith("History was rewritten") ? stop(archive.reason) : { status: "unreachable", detail: `The origin's archive does not verify: ${archive.reason}` };
  if (archive.rows.space[0]?.id !== spaceId) return stop("its archive is of another space.");
  await catchUp(archive, source, held.size);
  return { status: "caught-up", detail: `Verified to checkpoint ${archive.checkpoint.size} (was ${held.size}).` };
}
