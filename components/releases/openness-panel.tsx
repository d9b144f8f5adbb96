// The MOF class of a release, what each component contributes, what the next class needs, and the OSAID checklist.
// No server-only imports: the release form renders it live while people edit.
import { Badge } from "@/components/ui/badge";
import { mofClassLabels, mofComponents, osaidChecklist, type ComponentInput, type OpennessResult } from "@/lib/releases/openness";
import { ScrollRegion } from "@/components/ui/scroll-region";

const statusText = { pass: "meets", warn: "meets, with a warning", fail: "fails", absent: "not included" } as const;
const statusTone = { pass: "brand", warn: "warn", fail: "danger", absent: "neutral" } as const;

export function MofClassBadge({ result }: { result: Pick<OpennessResult, "class" | "label"> }) {
  return (
    <span data-testid="mof-class">
      <Badge tone={result.class === null ? "neutral" : "brand"}>{result.label}</Badge>
    </span>
  );
}

export function MissingForNext({ result }: { result: OpennessResult }) {
  if (result.nextClass === null) return <p className="text-sm text-zinc-600 dark:text-zinc-400">This is the most open class.</p>;
  return (
    <div>
      <h3 className="text-sm font-semibold">What {mofClassLabels[result.nextClass]} still needs</h3>
      <ul aria-label="Missing for the next class" data-testid="missing-for-next" className="mt-1 list-disc space-y-0.5 pl-5 text-sm text-zinc-700 dark:text-zinc-300">
        {result.missingForNext.map((m) => (
          <li key={m.component}>
            {m.label}: {m.reason}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function OpennessPanel({ result, inputs, showComponents = true }: { result: OpennessResult; inputs: readonly ComponentInput[]; showComponents?: boolean }) {
  const osaid = osaidChecklist(inputs);
  const licenseOf = new Map(inputs.map((i) => [i.component, i.license ?? null]));
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-sm font-medium">Model Openness Framework:</span>
        <MofClassBadge result={result} />
      </div>
      <MissingForNext result={result} />
      {result.warnings.length > 0 ? (
        <ul aria-label="License warnings" className="list-disc space-y-0.5 pl-5 text-sm text-amber-800 dark:text-amber-200">
          {result.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
      {showComponents ? (
        <ScrollRegion label="MOF components">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">MOF components and their licenses</caption>
            <thead className="text-xs uppercase text-muted">
              <tr>
                <th className="py-1 pr-3">Component</th>
                <th className="py-1 pr-3">Class</th>
                <th className="py-1 pr-3">License</th>
                <th className="py-1">Status</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {mofComponents.map((spec) => {
                const r = result.components.find((c) => c.component === spec.id);
                const status = r?.status ?? "absent";
                return (
                  <tr key={spec.id} data-testid={`component-${spec.id}`}>
                    <td className="py-1 pr-3">{spec.label}</td>
                    <td className="py-1 pr-3">{["", "I", "II", "III"][spec.class]}</td>
                    <td className="whitespace-nowrap py-1 pr-3 font-mono text-xs">{status === "absent" ? "—" : (licenseOf.get(spec.id) ?? "none")}</td>
                    <td className="py-1">
                      <Badge tone={statusTone[status]}>{statusText[status]}</Badge>
                      {r?.reason && status !== "absent" && status !== "pass" ? <span className="ml-2 text-xs text-muted">{r.reason}</span> : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}
      <div>
        <h3 className="text-sm font-semibold">
          OSI Open Source AI Definition 1.0 <Badge tone={osaid.conforms ? "brand" : "neutral"}>{osaid.conforms ? "conforms" : "does not conform"}</Badge>
        </h3>
        <ul aria-label="OSAID checklist" className="mt-1 space-y-1 text-sm">
          {osaid.items.map((item) => (
            <li key={item.item} className="flex gap-2">
              <span aria-hidden="true">{item.met ? "✓" : "✗"}</span>
              <span>
                <strong>{item.label}</strong> ({item.met ? "met" : "not met"}): {item.reason}
              </span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
