// Read-only views of a release's artifacts and registry links.
import { Badge } from "@/components/ui/badge";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { CopyButton } from "@/components/ui/copy-button";

type Artifact = { name: string; kind: string; digest: string; sizeBytes: bigint | number | null; uri: string | null };
type Link = { kind: string; reference: string; pinned: boolean; display: string; url: string | null };

const formatBytes = (n: bigint | number | null) => {
  if (n === null) return "—";
  const v = Number(n);
  const units = ["B", "KB", "MB", "GB", "TB"];
  let i = 0;
  let x = v;
  while (x >= 1024 && i < units.length - 1) {
    x /= 1024;
    i += 1;
  }
  return `${i === 0 ? x : x.toFixed(1)} ${units[i]}`;
};

export function ArtifactTable({ artifacts }: { artifacts: Artifact[] }) {
  if (artifacts.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">No artifacts yet. A release needs at least one before review.</p>;
  return (
    <ScrollRegion label="Artifacts table">
      <table className="w-full text-left text-sm" aria-label="Artifacts">
        <thead className="text-xs uppercase text-muted">
          <tr>
            <th className="py-1 pr-3">Name</th>
            <th className="hidden py-1 pr-3 sm:table-cell">Kind</th>
            <th className="py-1 pr-3">Digest</th>
            <th className="py-1 pr-3">Size</th>
            <th className="py-1">Location</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {artifacts.map((a) => (
            <tr key={a.name}>
              <td className="py-1 pr-3 font-medium">{a.name}</td>
              <td className="hidden py-1 pr-3 sm:table-cell">{a.kind}</td>
              <td className="py-1 pr-3">
                <span className="flex items-center gap-1">
                  {/* Truncated on screen; the full digest stays in the text (and the title) for copying and search. */}
                  <code className="block max-w-[13ch] truncate font-mono text-xs sm:max-w-[22ch]" title={a.digest} data-testid="artifact-digest">
                    {a.digest}
                  </code>
                  <CopyButton value={a.digest} label={`Copy the digest of ${a.name}`} />
                </span>
              </td>
              <td className="whitespace-nowrap py-1 pr-3">{formatBytes(a.sizeBytes)}</td>
              <td className="py-1">
                {a.uri ? (
                  <span className="flex items-center gap-1">
                    <code className="block max-w-[14ch] truncate font-mono text-xs sm:max-w-[28ch]" title={a.uri}>
                      {a.uri}
                    </code>
                    <CopyButton value={a.uri} label={`Copy the location of ${a.name}`} />
                  </span>
                ) : (
                  "—"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

export function RegistryLinks({ links }: { links: Link[] }) {
  if (links.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">No registry links.</p>;
  return (
    <ul aria-label="Registry links" className="space-y-1 text-sm">
      {links.map((l) => (
        <li key={l.reference} className="flex flex-wrap items-center gap-2">
          <Badge tone={l.pinned ? "brand" : "warn"}>{l.pinned ? "pinned" : "mutable"}</Badge>
          <span className="text-xs text-muted">{l.kind}</span>
          {l.url ? (
            <a href={l.url} className="font-mono text-xs break-all text-brand-700 underline dark:text-brand-500" rel="noopener noreferrer">
              {l.reference}
            </a>
          ) : (
            <code className="font-mono text-xs break-all">{l.reference}</code>
          )}
        </li>
      ))}
    </ul>
  );
}
