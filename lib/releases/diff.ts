// What changed between a release and the previous one: artifacts, component inclusion, licenses and MOF class.
import { classifyOpenness, mofComponents, type ComponentInput, type MofClass, type MofComponentId } from "@/lib/releases/openness";

export type DiffArtifact = { name: string; kind: string; digest: string };
export type DiffComponent = { component: string; included: boolean; license: string | null };
export type DiffSide = { version: string; artifacts: readonly DiffArtifact[]; components: readonly DiffComponent[] };

export type ReleaseDiff = {
  from: string;
  to: string;
  artifacts: {
    added: DiffArtifact[];
    removed: DiffArtifact[];
    changed: Array<{ name: string; kind: string; fromDigest: string; toDigest: string }>;
    unchanged: number;
  };
  components: Array<{ component: string; label: string; change: "added" | "removed" }>;
  licenses: Array<{ component: string; label: string; from: string | null; to: string | null }>;
  class: { from: MofClass | null; to: MofClass | null; fromLabel: string; toLabel: string; changed: boolean };
  empty: boolean;
};

const labelOf = (id: string): string => mofComponents.find((c) => c.id === id)?.label ?? id;

const asInputs = (components: readonly DiffComponent[]): ComponentInput[] =>
  components
    .filter((c) => mofComponents.some((m) => m.id === c.component))
    .map((c) => ({ component: c.component as MofComponentId, included: c.included, license: c.license }));

export function diffReleases(previous: DiffSide, current: DiffSide): ReleaseDiff {
  const before = new Map(previous.artifacts.map((a) => [a.name, a]));
  const after = new Map(current.artifacts.map((a) => [a.name, a]));
  const added = current.artifacts.filter((a) => !before.has(a.name));
  const removed = previous.artifacts.filter((a) => !after.has(a.name));
  const changed = current.artifacts.flatMap((a) => {
    const old = before.get(a.name);
    return old && old.digest !== a.digest ? [{ name: a.name, kind: a.kind, fromDigest: old.digest, toDigest: a.digest }] : [];
  });
  const unchanged = current.artifacts.filter((a) => before.get(a.name)?.digest === a.digest).length;

  const prevComponents = new Map(previous.components.map((c) => [c.component, c]));
  const nextComponents = new Map(current.components.map((c) => [c.component, c]));
  const components: ReleaseDiff["components"] = [];
  const licenses: ReleaseDiff["licenses"] = [];
  for (const spec of mofComponents) {
    const was = prevComponents.get(spec.id);
    const now = nextComponents.get(spec.id);
    const wasIn = was?.included ?? false;
    const nowIn = now?.included ?? false;
    if (wasIn !== nowIn) components.push({ component: spec.id, label: spec.label, change: nowIn ? "added" : "removed" });
    const from = wasIn ? (was?.license ?? null) : null;
    const to = nowIn ? (now?.license ?? null) : null;
    if (wasIn && nowIn && from !== to) licenses.push({ component: spec.id, label: labelOf(spec.id), from, to });
  }

  const fromClass = classifyOpenness(asInputs(previous.components));
  const toClass = classifyOpenness(asInputs(current.components));
  const cls = {
    from: fromClass.class,
    to: toClass.class,
    fromLabel: fromClass.label,
    toLabel: toClass.label,
    changed: fromClass.class !== toClass.class,
  };
  return {
    from: previous.version,
    to: current.version,
    artifacts: { added, removed, changed, unchanged },
    components,
    licenses,
    class: cls,
    empty: added.length + removed.length + changed.length + components.length + licenses.length === 0 && !cls.changed,
  };
}
