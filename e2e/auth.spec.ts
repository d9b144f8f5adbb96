import { expect, test } from "./support/fixtures";
import { demoUrl, signInWithOidc, signOut } from "./support/session";

test("signs in through the OpenID Connect code flow, shows the linked account, and signs out", async ({ page, unique }) => {
  const login = `ada${unique}`;
  await signInWithOidc(page, login);
  await page.goto("/settings");
  await expect(page.getByTestId("profile-name")).toHaveText(/Tester$/);
  await expect(page.getByRole("list", { name: "Linked accounts" })).toContainText("Local ID");
  await expect(page.getByRole("list", { name: "Linked accounts" })).toContainText(login);
  await signOut(page);
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fsettings|\/signin\?callbackUrl=\/settings/);
});

test.describe("demo sign-in", () => {
  test("is offered, and plainly labelled, on the embedded-database demo", async ({ page }) => {
    await page.goto(`${demoUrl()}/signin`);
    await expect(page.getByText("This is a demo instance")).toBeVisible();
    await page.getByRole("button", { name: /Chen Wei/ }).click();
    await expect(page.getByTestId("current-user")).toHaveText("Chen Wei");
  });

  test("is neither offered nor accepted against a configured database", async ({ page, request }) => {
    await page.goto("/signin");
    await expect(page.getByRole("button", { name: "Continue with Local ID" })).toBeVisible();
    await expect(page.getByText("Demo sign-in")).toHaveCount(0);
    const response = await request.post("/api/demo-login", { form: { userId: "anyone" }, maxRedirects: 0 });
    expect(response.status()).toBe(403);
    expect((await response.json()).error.code).toBe("DEMO_LOGIN_DISABLED");
  });
});

test("the health endpoint reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", db: "ok" });
});

test("pages carry a nonce-based Content-Security-Policy", async ({ request }) => {
  const response = await request.get("/");
  const csp = response.headers()["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).not.toContain("unsafe-inline'; script");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
});
