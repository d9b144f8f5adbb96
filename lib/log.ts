// Server-side logging: asynchronous console output, one line per event, never on the client.
export function logError(message: string, error: unknown): void {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  console.error(`[commonweights] ${message}: ${detail}`);
}
