// The app's HTTP API as a signed-in person uses it: the person's own cookies, and on writes the page's Origin,
// as the browser's own fetch would send it (cookie-authenticated API writes need it).
import { expect, type APIResponse, type Page } from "@playwright/test";

type Method = "get" | "post" | "put" | "patch" | "delete";
// Whatever Playwright's response.json() gives: specs read the fields they check.
type Json = Awaited<ReturnType<APIResponse["json"]>>;

export type Api = {
  /** The raw answer, for specs that check a refusal's status and code. */
  send(method: Method, url: string, data?: unknown): Promise<APIResponse>;
  /** These expect success (any 2xx) and return the body. */
  get(url: string): Promise<Json>;
  post(url: string, data?: unknown): Promise<Json>;
  put(url: string, data?: unknown): Promise<Json>;
};

export function apiFor(page: Page): Api {
  const send = (method: Method, url: string, data?: unknown) => {
    const headers: Record<string, string> = method === "get" ? {} : { origin: new URL(page.url()).origin };
    return page.request[method](url, data === undefined ? { headers } : { data, headers });
  };
  const ok = async (method: Method, url: string, data?: unknown) => {
    const response = await send(method, url, data);
    const body = await response.json();
    expect(response.ok(), `${method.toUpperCase()} ${url}: ${JSON.stringify(body)}`).toBe(true);
    return body;
  };
  return {
    send,
    get: (url) => ok("get", url),
    post: (url, data) => ok("post", url, data),
    put: (url, data) => ok("put", url, data),
  };
}
