"use client";
// Paste a vote receipt and see it included in the space's latest signed checkpoint (checked by the server's verifier).
import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { LocalTime } from "@/components/ui/local-time";

type Outcome =
  | { state: "idle" | "checking" }
  | { state: "found"; seq: number; size: number; verified: boolean; type: string; at: string }
  | { state: "error"; message: string };

export function ReceiptCheck({ spaceSlug, initialReceipt = "" }: { spaceSlug: string; initialReceipt?: string }) {
  const id = useId();
  const [receipt, setReceipt] = useState(initialReceipt);
  const [outcome, setOutcome] = useState<Outcome>({ state: "idle" });

  async function check(event: FormEvent) {
    event.preventDefault();
    const hash = receipt.trim().toLowerCase();
    if (!/^[0-9a-f]{64}$/.test(hash)) {
      setOutcome({ state: "error", message: "A receipt is 64 hexadecimal characters." });
      return;
    }
    setOutcome({ state: "checking" });
    try {
      const response = await fetch(`/api/v1/spaces/${encodeURIComponent(spaceSlug)}/receipts/${hash}`, { headers: { accept: "application/json" } });
      const body = (await response.json()) as {
        seq?: number;
        verified?: boolean;
        checkpoint?: { size: number } | null;
        event?: { type: string; at: string };
        error?: { message: string };
      };
      if (!response.ok || body.seq === undefined || !body.event) {
        setOutcome({ state: "error", message: body.error?.message ?? "The receipt could not be checked." });
        return;
      }
      setOutcome({ state: "found", seq: body.seq, size: body.checkpoint?.size ?? 0, verified: Boolean(body.verified), type: body.event.type, at: body.event.at });
    } catch {
      setOutcome({ state: "error", message: "The server could not be reached." });
    }
  }

  return (
    <form onSubmit={check} className="space-y-2" aria-label="Check a receipt">
      <label htmlFor={id} className="block text-sm font-medium text-zinc-800 dark:text-zinc-200">
        Your receipt
      </label>
      <div className="flex flex-wrap gap-2">
        <input id={id} value={receipt} onChange={(e) => setReceipt(e.target.value)} className={`${inputClass} flex-1 font-mono`} placeholder="64 hexadecimal characters" spellCheck={false} />
        <Button type="submit" variant="secondary" disabled={outcome.state === "checking"}>
          {outcome.state === "checking" ? "Checking…" : "Check receipt"}
        </Button>
      </div>
      <div role="status" aria-live="polite" className="text-sm">
        {outcome.state === "found" ? (
          outcome.verified ? (
            <p className="text-emerald-700 dark:text-emerald-300">
              ✓ Recorded as event{" "}
              <a className="underline underline-offset-2" href={`/s/${spaceSlug}/history/${outcome.seq}`}>
                #{outcome.seq}
              </a>{" "}
              ({outcome.type}, <LocalTime at={outcome.at} />) and included in the signed checkpoint of {outcome.size} events.
            </p>
          ) : (
            <p className="text-red-700 dark:text-red-300">✗ Found as event #{outcome.seq}, but its inclusion proof does not verify.</p>
          )
        ) : outcome.state === "error" ? (
          <p className="text-red-700 dark:text-red-300">{outcome.message}</p>
        ) : null}
      </div>
    </form>
  );
}
