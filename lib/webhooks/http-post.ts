// Posts one signed delivery: through the SSRF-guarded lookup, with a hard timeout, reading at most a little
// of the answer. Redirects are not followed (a 3xx is a failed attempt), so a receiver cannot bounce us inward.
import http from "node:http";
import https from "node:https";
import { guardedLookup } from "@/lib/webhooks/ssrf";
import { RESPONSE_BODY_LIMIT, truncate } from "@/lib/webhooks/rules";

export type PostResult = { status: number; body: string } | { status: null; error: string };

const READ_LIMIT = 64 * 1024;

export function postWebhook(args: { url: string; body: string; headers: Record<string, string>; timeoutMs: number; allow: ReadonlySet<string> }): Promise<PostResult> {
  const url = new URL(args.url);
  const transport = url.protocol === "https:" ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const done = (result: PostResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const request = transport.request(
      url,
      {
        method: "POST",
        headers: { ...args.headers, "content-length": String(Buffer.byteLength(args.body)) },
        lookup: guardedLookup(args.allow) as unknown as typeof import("node:dns").lookup,
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          if (size < READ_LIMIT) chunks.push(chunk);
          size += chunk.length;
        });
        response.on("end", () => done({ status: response.statusCode ?? 0, body: truncate(Buffer.concat(chunks).toString("utf8"), RESPONSE_BODY_LIMIT) }));
        response.on("error", (error) => done({ status: response.statusCode ?? 0, body: truncate(`(the answer broke off: ${error.message})`) }));
      },
    );
    // The whole exchange, not just the connection, must finish in time.
    const timer = setTimeout(() => {
      done({ status: null, error: `No answer within ${args.timeoutMs} ms.` });
      request.destroy();
    }, args.timeoutMs);
    request.on("error", (error) => done({ status: null, error: truncate(error.message, 300) }));
    request.end(args.body);
  });
}
