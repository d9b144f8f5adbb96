// A ballot's choice in words ("+1", "CC-BY-4.0", "1. CC-BY-4.0  2. ODbL-1.0"); safe for client components.
import type { DecisionOption } from "@/lib/decisions/methods/types";

export function describeChoice(choice: unknown, options: readonly DecisionOption[], { ranked = false }: { ranked?: boolean } = {}): string {
  const label = (id: unknown) => options.find((o) => o.id === id)?.label ?? String(id);
  if (Array.isArray(choice)) {
    if (choice.length === 0) return ranked ? "(no ranking)" : "(none)";
    return ranked ? choice.map((id, i) => `${i + 1}. ${label(id)}`).join("  ") : choice.map(label).join(", ");
  }
  return label(choice);
}
