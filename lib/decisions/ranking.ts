// Editing a ranked ballot as an ordered list, so a ranking can never hold an option twice.

/** The ranking with `id` moved to `rank` (1-based), or taken out when rank is null; the others keep their order. */
export function rerank(list: readonly string[], id: string, rank: number | null): string[] {
  const rest = list.filter((other) => other !== id);
  if (rank === null) return rest;
  const at = Math.max(0, Math.min(rest.length, rank - 1));
  return [...rest.slice(0, at), id, ...rest.slice(at)];
}
