// Page objects for signing in and out through the real flows.
import { expect, type Page } from "@playwright/test";

/** Signs in through the local OpenID Connect provider's login form: the real code flow, no faked session. */
export async function signInWithOidc(page: Page, login: string) {
  await page.goto("/signin");
  await page.getByRole("button", { name: "Continue with Local ID" }).click();
  await page.waitForURL(/127\.0\.0\.1:3210\/interaction\//);
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any-password");
  await page.getByRole("button", { name: /sign-?in/i }).click();
  await expect(page.getByTestId("current-user")).toHaveText(`${login.charAt(0).toUpperCase()}${login.slice(1)} Tester`);
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
}

export const demoUrl = () => process.env.E2E_DEMO_URL ?? "http://localhost:3201";
