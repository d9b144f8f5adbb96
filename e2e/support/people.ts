// People who sign in through the local OpenID Connect provider, each in a browser context of their own.
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "@playwright/test";
import { apiFor, type Api } from "./api";
import { signInWithOidc } from "./session";

export type Person = {
  login: string;
  /** The display name the provider gives them: "Alice<unique> Tester". */
  name: string;
  email: string;
  page: Page;
  context: BrowserContext;
  api: Api;
};

/** The provider turns a login into the account's name and e-mail (e2e/support/oidc-provider.ts). */
export const personName = (login: string) => `${login.charAt(0).toUpperCase()}${login.slice(1)} Tester`;
export const personEmail = (login: string) => `${login}@oidc.example.test`;

/** Signs `login` in on `page` (its context becomes theirs). */
export async function signInOn(page: Page, login: string): Promise<Person> {
  await signInWithOidc(page, login);
  return { login, name: personName(login), email: personEmail(login), page, context: page.context(), api: apiFor(page) };
}

/** Signs `login` in in a new context of `browser`; the caller closes `person.context`. */
export async function signInNew(browser: Browser, login: string, options: BrowserContextOptions = {}): Promise<Person> {
  const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL, ...options });
  return signInOn(await context.newPage(), login);
}
