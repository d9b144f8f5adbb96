// A real HTTP receiver on 127.0.0.1 that verifies each delivery with the standardwebhooks library, answers
// with the statuses a test queues, and a loop that runs due jobs until the test's condition holds.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { runDueJobs } from "@/lib/worker/runner";

export type Received = { id: string; timestamp: string; verified: boolean; body: Record<string, unknown> };

export async function startReceiver() {
  const received: Received[] = [];
  const statuses: number[] = [];
  let secret = "";
  let onRequest: ((request: http.IncomingMessage, response: http.ServerResponse) => boolean) | null = null;
  const server = http.createServer((request, response) => {
    if (onRequest?.(request, response)) return;
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, String(v)]));
      let verified = false;
      try {
        new Webhook(secret).verify(text, headers);
        verified = true;
      } catch {
        verified = false;
      }
      received.push({ id: headers["webhook-id"]!, timestamp: headers["webhook-timestamp"]!, verified, body: JSON.parse(text) as Record<string, unknown> });
      const status = statuses.shift() ?? 200;
      response.writeHead(status, { "content-type": "text/plain" }).end(status === 500 ? "boom ".repeat(400) : "ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    /** The statuses the next requests get, in order; then 200. */
    answer: (...next: number[]) => statuses.push(...next),
    useSecret: (value: string) => void (secret = value),
    /** Handle requests yourself (return true) instead of answering: e.g. hold one open. */
    intercept: (handler: typeof onRequest) => void (onRequest = handler),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs due jobs (as a worker would) until `done` holds, or fails after `timeoutMs`. */
export async function runJobsUntil(done: () => Promise<boolean> | boolean, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > until) throw new Error("the jobs did not get there in time");
    await runDueJobs(process.env.DATABASE_URL!);
    if (await done()) return;
    await sleep(100);
  }
}
