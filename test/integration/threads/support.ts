// Helpers for the threads tests: a use case's thrown refusal as a value, the space's export text, and its verdict.
import { DomainError, type AppError, type Result } from "@/lib/result";
import { exportStream } from "@/lib/history/use-cases/export-stream";
import { sequenceLog } from "@/lib/record/sequencer";
import { ExportVerifier } from "@/lib/record/verify-export";

export async function attempt<T>(run: () => Promise<Result<T> | T>): Promise<{ ok: true; data: unknown } | { ok: false; error: Pick<AppError, "code" | "kind" | "message"> }> {
  try {
    const result = await run();
    if (result && typeof result === "object" && "ok" in result && typeof result.ok === "boolean") return result as Result<T>;
    return { ok: true, data: result };
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, error: { code: error.code, kind: error.kind, message: error.message } };
    throw error;
  }
}

/** The space's NDJSON export after sequencing, as the download would give it. */
export async function exportOf(spaceId: string, slug: string): Promise<string> {
  await sequenceLog(spaceId, { wait: true });
  return new Response(await exportStream(null, slug)).text();
}

export function verify(text: string) {
  const verifier = new ExportVerifier();
  for (const line of text.split("\n")) if (!verifier.addLine(line)) break;
  return verifier.finish();
}
