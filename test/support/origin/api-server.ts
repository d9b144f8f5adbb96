// A second app instance for the live-mirror test: the API's real route handlers for reading a space's log (events,
// consistency, archive), served over HTTP on its own database (DATABASE_URL). Prints "listening <port>" when ready.
//   tsx --conditions=react-server test/support/origin/api-server.ts
import http from "node:http";
import * as nodeModule from "node:module";
import path from "node:path";
import { Readable } from "node:stream";

// lib/auth/session swapped for an anonymous stand-in (Auth.js needs Next's request scope). On Node 22+ tsx loads the
// route modules through require, which asynchronous hooks (module.register) do not see: there the synchronous
// module.registerHooks (Node >= 22.15) covers require and import alike; Node 20 has only the asynchronous kind, which
// its tsx path goes through.
const sessionHook = new URL("./session-hook.mjs", import.meta.url).href;
if (typeof nodeModule.registerHooks === "function") {
  const { resolve } = (await import(sessionHook)) as { resolve: nodeModule.ResolveHookSync };
  nodeModule.registerHooks({ resolve });
} else nodeModule.register(sessionHook, import.meta.url);

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const routes: Array<[RegExp, string]> = [
  [/^\/api\/v1\/spaces\/([^/]+)\/events$/, "app/api/v1/spaces/[slug]/events/route.ts"],
  [/^\/api\/v1\/spaces\/([^/]+)\/consistency$/, "app/api/v1/spaces/[slug]/consistency/route.ts"],
  [/^\/api\/v1\/spaces\/([^/]+)\/archive\.cwarchive$/, "app/api/v1/spaces/[slug]/archive.cwarchive/route.ts"],
];

const server = http.createServer((req, res) => {
  void (async () => {
    // Its own address, so that archives name this instance as their origin.
    const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "127.0.0.1"}`);
    const route = routes.find(([pattern]) => pattern.test(url.pathname));
    if (!route || req.method !== "GET") {
      res.writeHead(404).end();
      return;
    }
    const slug = decodeURIComponent(route[0].exec(url.pathname)![1]!);
    const mod = (await import(path.resolve(route[1]))) as { GET: Handler };
    const response = await mod.GET(new Request(url), { params: Promise.resolve({ slug }) });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    if (response.body) Readable.fromWeb(response.body as import("node:stream/web").ReadableStream).pipe(res);
    else res.end();
  })().catch((error: unknown) => {
    console.error(error);
    res.writeHead(500).end();
  });
});

server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  console.log(`listening ${typeof address === "object" && address ? address.port : 0}`);
});
