// Playwright fixtures for the specs: import { test, expect } from "./support/fixtures" instead of
// "@playwright/test". Every test gets its own people and spaces, so tests never depend on each other or on order.
//
//   unique            a short string unique to this test (base-36 time + random), for logins and slugs.
//   people.signIn(n)  signs "<n><unique>" in through the local OpenID Connect provider in a browser context of
//                     their own (the test's options: colour scheme, time zone, viewport); returns a Person
//                     (login, name "N<unique> Tester", email, page, context, api). Closed after the test.
//   me                the test's own `page`, signed in as "me<unique>" (for one-person journeys and screenshots).
//   elsewhere.signIn(n) the same account "<n><unique>" signed in on the second instance (scripts/e2e.ts: another
//                     deployment, its own database, the same provider), in a context of their own; their page's
//                     relative URLs go there. elsewhere.visitor() is an anonymous page there.
//   spaces.create(p)  a new public space owned by `p`, made through POST /api/v1/spaces (never rows written
//                     behind the record's back); options: { prefix, name, visibility, description }. Returns a
//                     Space with path(), addMember(), amendCharter(), proposeRelease(), releaseInReview().
//
// Page objects (the locators and steps of one page) are in ./pages/; take a Person's page: new MembersPage(bob.page).
import { test as base } from "@playwright/test";
import type { Page } from "@playwright/test";
import { signInNew, signInOn, type Person } from "./people";
import { secondUrl } from "./second-instance";
import { createSpace, type Space } from "./spaces";

export { expect } from "@playwright/test";
export type { Person } from "./people";
export type { Space } from "./spaces";

export type People = { signIn(name: string): Promise<Person> };
export type Elsewhere = People & { visitor(): Promise<Page> };
export type Spaces = { create(owner: Person, options?: { prefix?: string; name?: string; visibility?: "public" | "private"; description?: string }): Promise<Space> };

export const test = base.extend<{ unique: string; people: People; elsewhere: Elsewhere; me: Person; spaces: Spaces }>({
  unique: async ({}, provide) => {
    await provide(`${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`);
  },

  people: async ({ browser, unique, baseURL, colorScheme, timezoneId, viewport, locale }, provide) => {
    const signedIn: Person[] = [];
    await provide({
      async signIn(name) {
        const person = await signInNew(browser, `${name}${unique}`, { baseURL, colorScheme, timezoneId, viewport, locale });
        signedIn.push(person);
        return person;
      },
    });
    await Promise.all(signedIn.map((person) => person.context.close()));
  },

  elsewhere: async ({ browser, unique, colorScheme, timezoneId, viewport, locale }, provide) => {
    const contexts: Array<{ close(): Promise<void> }> = [];
    const options = { baseURL: secondUrl(), colorScheme, timezoneId, viewport, locale };
    await provide({
      async signIn(name) {
        const person = await signInNew(browser, `${name}${unique}`, options);
        contexts.push(person.context);
        return person;
      },
      async visitor() {
        const context = await browser.newContext(options);
        contexts.push(context);
        return context.newPage();
      },
    });
    await Promise.all(contexts.map((context) => context.close()));
  },

  me: async ({ page, unique }, provide) => {
    await provide(await signInOn(page, `me${unique}`));
  },

  spaces: async ({ unique }, provide) => {
    let count = 0;
    await provide({
      async create(owner, { prefix = "space", name = "Test Space", visibility, description } = {}) {
        count += 1;
        return createSpace(owner, { slug: `${prefix}-${unique}${count > 1 ? `-${count}` : ""}`, name, visibility, description });
      },
    });
  },
});
