"use client";
// The concerns of a decision or a release: the list with states, whether open ones block, the raise form for those
// who may raise one (and why not for the others). Refreshed from the JSON API (TanStack Query) like the live tally;
// a change also refreshes the decision's tally, which the concerns decide.
import Link from "next/link";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { ConcernSubjectKind } from "@/lib/concerns/rules";
import type { ConcernListView } from "@/lib/concerns/schema";
import { Card, CardTitle } from "@/components/ui/card";
import { ConcernItem } from "@/components/concerns/concern-item";
import { RaiseConcernForm } from "@/components/concerns/raise-concern-form";
import { signInHref } from "@/components/spaces/not-allowed";

async function fetchConcerns(on: ConcernSubjectKind, id: string): Promise<ConcernListView> {
  const path = `/api/v1/${on === "decision" ? "decisions" : "releases"}/${id}/concerns`;
  const response = await fetch(path, { headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
  return (await response.json()) as ConcernListView;
}

type Props = { initial: ConcernListView; signedIn: boolean; callbackPath: string };

export function ConcernsPanel({ initial, signedIn, callbackPath }: Props) {
  const queryClient = useQueryClient();
  const { on, subjectId } = initial;
  const key = ["concerns", on, subjectId];
  const { data } = useQuery({
    queryKey: key,
    queryFn: () => fetchConcerns(on, subjectId),
    initialData: initial,
    // Poll while concerns can still change here: someone may raise or resolve one in another browser, and comment on
    // one (its count). A closed decision or a release out of review changes no more.
    refetchInterval: (query) => (query.state.data?.live ? 4000 : false),
  });
  const view = data ?? initial;
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: key });
    if (on === "decision") void queryClient.invalidateQueries({ queryKey: ["decision", subjectId] });
  };
  return (
    <Card>
      <CardTitle>Concerns ({view.open} open)</CardTitle>
      <section aria-label="Concerns" className="space-y-3">
        <p className="text-sm text-muted">
          {view.blocks
            ? `A binding voter may raise a concern; under the charter, an open one keeps this ${on} from ${on === "decision" ? "passing" : "going to a vote"} until the person who raised it resolves it or a steward overrides it.`
            : `A binding voter may raise a concern; the charter does not let concerns block this ${on}, so they are recorded and shown only.`}
        </p>
        {view.blocking ? (
          <p role="status" className="rounded-md border border-amber-300 bg-amber-50 p-2 text-sm font-medium text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100" data-testid="concerns-blocking">
            {view.blocking}
          </p>
        ) : null}
        {view.concerns.length === 0 ? (
          <p className="text-sm text-muted">No concerns raised.</p>
        ) : (
          <ul className="divide-y divide-zinc-200 dark:divide-zinc-800" aria-label="Concerns raised">
            {view.concerns.map((concern) => (
              <ConcernItem key={concern.id} concern={concern} blocks={view.blocks} onChanged={refresh} />
            ))}
          </ul>
        )}
        {view.raise.allowed ? (
          <div className="border-t border-zinc-200 pt-3 dark:border-zinc-800">
            <h3 className="mb-2 text-sm font-semibold">Raise a concern</h3>
            <RaiseConcernForm on={on} subjectId={subjectId} blocks={view.blocks} onRaised={refresh} />
          </div>
        ) : view.raise.reason ? (
          <p className="text-sm text-muted" data-testid="concern-refusal">
            {signedIn ? (
              view.raise.reason
            ) : (
              <Link className="underline" href={signInHref(callbackPath)}>
                {view.raise.reason}
              </Link>
            )}
          </p>
        ) : null}
      </section>
    </Card>
  );
}
