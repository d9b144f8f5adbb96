"use client";
// A concern's own thread, under the concern where it is listed: closed until asked for (or linked to with
// #concern-<id>), then read from the API and kept current by <Thread> like every other thread.
import { useQuery } from "@tanstack/react-query";
import { useState, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";
import { Thread, fetchThread } from "@/components/threads/thread";

function onHashChange(callback: () => void) {
  window.addEventListener("hashchange", callback);
  return () => window.removeEventListener("hashchange", callback);
}

export function ConcernThread({ concernId, comments }: { concernId: string; comments: number }) {
  // A mention or a history link lands on the concern's anchor: its thread is open there until the reader closes it.
  const linked = useSyncExternalStore(onHashChange, () => window.location.hash === `#concern-${concernId}`, () => false);
  const [toggled, setToggled] = useState<boolean | null>(null);
  const open = toggled ?? linked;
  const setOpen = (value: boolean) => setToggled(value);
  const { data, isError } = useQuery({ queryKey: ["thread", "concern", concernId], queryFn: () => fetchThread("concern", concernId), enabled: open });
  const label = `${comments} ${comments === 1 ? "comment" : "comments"}`;
  return (
    <div className="space-y-2">
      <Button type="button" variant="secondary" aria-expanded={open} aria-controls={`concern-thread-${concernId}`} onClick={() => setOpen(!open)}>
        {open ? "Hide discussion" : `Discuss (${label})`}
      </Button>
      {open ? (
        <div id={`concern-thread-${concernId}`}>
          {data ? <Thread initial={data} title="Discussion of this concern" commentLabel="Comment on this concern" nested /> : <p className="text-sm text-muted">{isError ? "The discussion could not be loaded; try again in a moment." : "Loading the discussion…"}</p>}
        </div>
      ) : null}
    </div>
  );
}
