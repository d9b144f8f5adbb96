"use client";
// One concern: its title and state, its text (sanitized markdown), who raised and who closed it, and the steps the
// viewer may take: resolve (the raiser) or override with a reason (a steward), each confirmed; and its own thread.
import { overrideConcernAction, resolveConcernAction } from "@/lib/concerns/actions";
import type { ConcernView } from "@/lib/concerns/schema";
import { ConcernThread } from "@/components/concerns/concern-thread";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Confirm } from "@/components/ui/confirm";
import { LocalTime } from "@/components/ui/local-time";
import { Markdown } from "@/components/ui/markdown";

const tone: Record<ConcernView["status"], BadgeTone> = { open: "warn", resolved: "brand", overridden: "neutral" };

export function ConcernItem({ concern, blocks, onChanged }: { concern: ConcernView; blocks: boolean; onChanged: () => void }) {
  const { id, status } = concern;
  return (
    <li id={`concern-${id}`} className="scroll-mt-20 space-y-2 py-3" data-testid={`concern-${status}`}>
      <div className="flex flex-wrap items-center gap-2">
        <h4 className="font-medium">{concern.title}</h4>
        <Badge tone={tone[status]}>{status === "open" && blocks ? "open · blocking" : status}</Badge>
      </div>
      <p className="text-xs text-muted">
        Raised by {concern.raisedBy.name} <LocalTime at={concern.raisedAt} />
        {concern.closedBy && concern.closedAt ? (
          <>
            {" "}
            · {status} by {concern.closedBy.name} <LocalTime at={concern.closedAt} />
          </>
        ) : null}
      </p>
      <Markdown>{concern.body}</Markdown>
      {concern.closeNote ? (
        <p className="text-sm">
          <span className="font-medium">{status === "overridden" ? "Reason for overriding" : "Resolution"}:</span> {concern.closeNote}
        </p>
      ) : null}
      {concern.you.canResolve || concern.you.canOverride ? (
        <div className="flex flex-wrap gap-2">
          {concern.you.canResolve ? (
            <Confirm
              id={`resolve-${id}`}
              trigger="Resolve"
              triggerVariant="secondary"
              question="Mark your concern resolved? It stops blocking at once; the record keeps that you raised and resolved it."
              confirmLabel="Yes, it is resolved"
              cancelLabel="Keep it open"
              onConfirm={() => resolveConcernAction({ concernId: id })}
              onDone={onChanged}
            />
          ) : null}
          {concern.you.canOverride && !concern.you.canResolve ? (
            <Confirm
              id={`override-${id}`}
              trigger="Override"
              question="Override this concern? It stops blocking at once, though its author has not resolved it."
              reason={{ label: "Reason for overriding", hint: "Shown with the concern and kept in the governance record.", min: 3, max: 2000 }}
              confirmLabel="Yes, override it"
              cancelLabel="Keep it open"
              onConfirm={(reason) => overrideConcernAction({ concernId: id, reason })}
              onDone={onChanged}
            />
          ) : null}
        </div>
      ) : null}
      <ConcernThread concernId={id} comments={concern.comments} />
    </li>
  );
}
