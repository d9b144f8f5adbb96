// What changed against the previous release: artifacts, components, licenses, class.
import type { ReleaseDiff } from "@/lib/releases/diff";

const short = (d: string) => d.slice(0, 19);

export function VersionDiff({ diff }: { diff: ReleaseDiff }) {
  if (diff.empty) return <p className="text-sm text-zinc-600 dark:text-zinc-400">Nothing changed in artifacts, components, licenses or class since {diff.from}.</p>;
  const { artifacts } = diff;
  return (
    <ul aria-label="Changes since the previous release" className="list-disc space-y-1 pl-5 text-sm">
      {diff.class.changed ? (
        <li>
          Openness class: {diff.class.fromLabel} → <strong>{diff.class.toLabel}</strong>
        </li>
      ) : null}
      {artifacts.added.map((a) => (
        <li key={`add-${a.name}`}>
          Added artifact <strong>{a.name}</strong> ({a.kind}) <code className="text-xs">{short(a.digest)}…</code>
        </li>
      ))}
      {artifacts.removed.map((a) => (
        <li key={`rm-${a.name}`}>
          Removed artifact <strong>{a.name}</strong>
        </li>
      ))}
      {artifacts.changed.map((a) => (
        <li key={`ch-${a.name}`}>
          New bytes for <strong>{a.name}</strong>: <code className="text-xs">{short(a.fromDigest)}…</code> → <code className="text-xs">{short(a.toDigest)}…</code>
        </li>
      ))}
      {artifacts.unchanged > 0 ? <li>{artifacts.unchanged} artifact(s) unchanged</li> : null}
      {diff.components.map((c) => (
        <li key={`c-${c.component}`}>
          {c.change === "added" ? "Now includes" : "No longer includes"} {c.label}
        </li>
      ))}
      {diff.licenses.map((l) => (
        <li key={`l-${l.component}`}>
          {l.label} license: {l.from ?? "none"} → <strong>{l.to ?? "none"}</strong>
        </li>
      ))}
    </ul>
  );
}
