import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { loadSpacePage } from "../../load";
import { describeEvent } from "@/lib/record/describe";
import { eventPermalink } from "@/lib/history/use-cases/event-permalink";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";

type Props = { params: Promise<{ slug: string; seq: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Event #${(await params).seq}` };
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 py-2 sm:grid-cols-4">
      <dt className="text-sm font-medium text-zinc-600 dark:text-zinc-400">{label}</dt>
      <dd className="min-w-0 break-all text-sm text-zinc-900 sm:col-span-3 dark:text-zinc-100">{children}</dd>
    </div>
  );
}

export default async function EventPermalinkPage({ params }: Props) {
  const { slug, seq: seqText } = await params;
  const { actor } = await loadSpacePage(slug);
  if (!/^\d{1,9}$/.test(seqText)) notFound();
  const view = await eventPermalink(actor, slug, Number(seqText));
  if (!view.ok) notFound();
  const { event, canonical, storedLeafHash, recomputedLeafHash, checkpoint, proof, verified, names, space } = view.data;
  const nameOf = (id: string | null) => (id ? (names[id] ?? "someone") : "the system");
  const leafMatches = storedLeafHash === recomputedLeafHash;

  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href={`/s/${space.slug}/history`} className="text-brand-700 underline underline-offset-2 dark:text-brand-500">
          ← History
        </Link>
      </p>
      <Card>
        <CardTitle action={<Badge>{event.type}</Badge>}>Event #{view.data.seq}</CardTitle>
        <p className="text-lg text-zinc-900 dark:text-zinc-100">{describeEvent(event, nameOf)}</p>
        <p className="mt-1 text-sm text-muted">
          <LocalTime at={event.createdAt} />
        </p>
        <div className="mt-4" data-testid="inclusion-result" role="status">
          {verified.ok && leafMatches ? (
            <Badge tone="brand">✓ Included in the latest signed checkpoint</Badge>
          ) : (
            <Badge tone="danger">✗ Not verified: {leafMatches ? verified.reason : "the content no longer matches its leaf hash"}</Badge>
          )}
        </div>
      </Card>
      <Card>
        <CardTitle>Hashes and proof</CardTitle>
        <dl className="divide-y divide-zinc-200 dark:divide-zinc-800">
          <Row label="Receipt (SHA-256 of the canonical JSON)">
            <code className="font-mono">{event.hash}</code>
          </Row>
          <Row label="Leaf hash (stored)">
            <code className="font-mono">{storedLeafHash}</code>
          </Row>
          <Row label="Leaf hash (recomputed now)">
            <code className="font-mono">{recomputedLeafHash}</code> {leafMatches ? <Badge tone="brand">matches</Badge> : <Badge tone="danger">differs</Badge>}
          </Row>
          {checkpoint ? (
            <>
              <Row label="Checkpoint">
                {checkpoint.size} events, root <code className="font-mono">{checkpoint.rootHash}</code>, signed {checkpoint.timestamp} by key{" "}
                <code className="font-mono">{checkpoint.keyId}</code>
              </Row>
              <Row label={`Inclusion proof (${proof.length} hashes)`}>
                <ol className="space-y-1 font-mono text-xs">
                  {proof.map((p, i) => (
                    <li key={i}>{p}</li>
                  ))}
                </ol>
              </Row>
            </>
          ) : null}
        </dl>
        <p className="mt-3 text-xs text-muted">
          Check it yourself: GET{" "}
          <code className="font-mono">
            /api/v1/spaces/{space.slug}/events/{view.data.seq}/proof
          </code>{" "}
          and the signing key at <code className="font-mono">/.well-known/commonweights.json</code>.
        </p>
      </Card>
      <Card>
        <CardTitle>Canonical JSON (RFC 8785)</CardTitle>
        <pre className="overflow-x-auto rounded-md bg-zinc-100 p-3 font-mono text-xs text-zinc-800 dark:bg-zinc-950 dark:text-zinc-200" tabIndex={0}>
          {canonical}
        </pre>
      </Card>
    </div>
  );
}
