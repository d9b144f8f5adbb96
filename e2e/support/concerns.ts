// Page objects for the concerns journey: a signed-in person in their own browser context, JSON API calls as the
// page's own fetch would make them, and the concerns panel of a decision or release page.
import { expect, type Browser, type Page } from "@playwright/test";
import { signInWithOidc } from "./session";

export async function signedInPerson(browser: Browser, login: string) {
  const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
  const page = await context.newPage();
  await signInWithOidc(page, login);
  return { context, page, name: `${login.charAt(0).toUpperCase()}${login.slice(1)} Tester` };
}

/** GET, POST or PUT through the page's session; writes carry the page's Origin (cookie-authenticated writes need it). */
export async function apiJson(page: Page, method: "get" | "post" | "put", url: string, data?: unknown) {
  const headers: Record<string, string> = method === "get" ? {} : { origin: new URL(page.url()).origin };
  const response = await page.request[method](url, data === undefined ? { headers } : { data, headers });
  const body = await response.json();
  expect(response.ok(), `${method.toUpperCase()} ${url}: ${JSON.stringify(body)}`).toBe(true);
  return body;
}

export const concernsPanel = (page: Page) => page.getByRole("region", { name: "Concerns" });

export async function raiseConcern(page: Page, { title, body }: { title: string; body: string }) {
  const panel = concernsPanel(page);
  await panel.getByLabel("Concern", { exact: true }).fill(title);
  await panel.getByLabel("What is wrong, and what would resolve it").fill(body);
  await panel.getByRole("button", { name: "Raise concern" }).click();
}
