// "2 open concerns" beside an item in a list; nothing when there are none.
import { Badge } from "@/components/ui/badge";

export function ConcernCount({ count }: { count: number | undefined }) {
  if (!count) return null;
  return <Badge tone="warn">{count === 1 ? "1 open concern" : `${count} open concerns`}</Badge>;
}
