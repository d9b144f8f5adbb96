import { expect, test } from "./support/fixtures";

test("creates a token, uses it on the API, revokes it, and the API refuses it", async ({ me, playwright }) => {
  const { page } = me;
  await page.goto("/settings");
  await page.getByLabel("Token name").fill("release CI");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("new-token").textContent())?.trim() ?? "";
  expect(token).toMatch(/^cw_pat_/);

  // A separate client with no cookies: only the bearer token authenticates it.
  const api = await playwright.request.newContext({ baseURL: process.env.E2E_BASE_URL });
  const whoami = await api.get("/api/v1/me", { headers: { Authorization: `Bearer ${token}` } });
  expect(whoami.status()).toBe(200);
  expect(await whoami.json()).toMatchObject({ name: expect.stringMatching(/Tester$/), email: me.email });
  expect((await api.get("/api/v1/me")).status()).toBe(401);

  await page.reload();
  await expect(page.getByText(/last used/)).toBeVisible();
  await page.getByRole("button", { name: "Revoke release CI" }).click();
  await expect(page.getByTestId("confirm-question")).toContainText("Revoke “release CI”?");
  await page.getByRole("button", { name: "Yes, revoke it" }).click();
  await expect(page.getByRole("status")).toContainText("Token revoked");

  const refused = await api.get("/api/v1/me", { headers: { Authorization: `Bearer ${token}` } });
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.code).toBe("INVALID_TOKEN");
  await api.dispose();
});
