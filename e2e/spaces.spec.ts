import { expect, test, type Browser } from "@playwright/test";
import { signInWithOidc } from "./support/session";

async function person(browser: Browser, login: string) {
  const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
  const page = await context.newPage();
  await signInWithOidc(page, login);
  return { context, page };
}

test("two people: create a space, invite by link, join, change role, see new powers; the charter reads back", async ({ browser }) => {
  const stamp = Date.now().toString(36);
  const slug = `kestrel-${stamp}`;
  const alice = await person(browser, `alice${stamp}`);
  const bob = await person(browser, `bob${stamp}`);

  // Alice creates a public space.
  await alice.page.goto("/spaces/new");
  await alice.page.getByLabel("Slug").fill(slug);
  await alice.page.getByLabel("Name").fill("Kestrel Models");
  await alice.page.getByLabel("Description").fill("We release **Kestrel**, small open speech models.");
  await alice.page.getByRole("button", { name: "Create space" }).click();
  await alice.page.waitForURL(`**/s/${slug}`);
  await expect(alice.page.getByRole("heading", { level: 1, name: "Kestrel Models" })).toBeVisible();
  await expect(alice.page.getByText("you are an owner")).toBeVisible();

  // She invites Bob by link as a member.
  await alice.page.goto(`/s/${slug}/members`);
  await alice.page.getByRole("button", { name: "Create invitation link" }).click();
  const link = (await alice.page.getByTestId("invite-link").textContent())!.trim();
  expect(link).toContain("/invite/cw_inv_");
  await expect(alice.page.getByRole("button", { name: "Copy invitation link" })).toBeVisible();
  await expect(alice.page.getByTestId("invitation-member")).toBeVisible();

  // A steward link: the role stays as picked while the link is on screen; the link is listed and can be revoked.
  await alice.page.getByLabel("Role", { exact: true }).selectOption("steward");
  await alice.page.getByRole("button", { name: "Create invitation link" }).click();
  await expect(alice.page.getByTestId("invitation-steward")).toBeVisible();
  await expect(alice.page.getByTestId("invite-link")).not.toHaveText(link);
  await expect(alice.page.getByLabel("Role", { exact: true })).toHaveValue("steward");
  await alice.page.screenshot({ path: "/tmp/small-ux-invitations.png", fullPage: true });
  await alice.page.getByRole("button", { name: "Revoke the steward invitation link" }).click();
  await alice.page.getByRole("button", { name: "Yes, revoke it" }).click();
  await expect(alice.page.getByText("The steward invitation link was revoked.")).toBeVisible();
  await expect(alice.page.getByTestId("invitation-steward")).toHaveCount(0);
  await expect(alice.page.getByTestId("invitation-member")).toBeVisible();

  // Bob opens it and joins; he is a member and cannot invite.
  await bob.page.goto(link);
  await bob.page.getByRole("button", { name: "Join Kestrel Models" }).click();
  await bob.page.waitForURL(`**/s/${slug}`);
  await expect(bob.page.getByText("you are a member")).toBeVisible();
  await bob.page.goto(`/s/${slug}/members`);
  await expect(bob.page.getByRole("button", { name: "Create invitation link" })).toHaveCount(0);
  // Pages a member may not use say who may, the way the policy says it, instead of "Not found".
  await bob.page.goto(`/s/${slug}/decisions/new`);
  await expect(bob.page.getByTestId("refusal")).toHaveText("Only owners or stewards may open a decision; you are a member.");
  await bob.page.goto(`/s/${slug}/settings`);
  await expect(bob.page.getByTestId("refusal")).toHaveText("Only owners may change a space's settings; you are a member.");
  await bob.page.screenshot({ path: "/tmp/small-ux-settings-refusal.png" });

  // Someone not signed in is offered a sign-in link that comes back here.
  const visitor = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
  const anon = await visitor.newPage();
  await anon.goto(`/s/${slug}`);
  await expect(anon.getByTestId("sign-in-to-join").getByRole("link", { name: "Sign in" })).toHaveAttribute("href", `/signin?callbackUrl=${encodeURIComponent(`/s/${slug}`)}`);
  await anon.goto(`/s/${slug}/releases/new`);
  await expect(anon.getByTestId("refusal").getByRole("link")).toHaveAttribute("href", `/signin?callbackUrl=${encodeURIComponent(`/s/${slug}/releases/new`)}`);
  await visitor.close();
  await bob.page.goto(`/s/${slug}/members`);

  // The link works once.
  const carol = await person(browser, `carol${stamp}`);
  await carol.page.goto(link);
  await expect(carol.page.getByText("This invitation has already been used.")).toBeVisible();

  // Alice makes Bob a steward; Bob now can invite and manage roles.
  await alice.page.goto(`/s/${slug}/members`);
  // Picking a role asks first; nothing changes until the question is answered.
  await alice.page.getByLabel(`Role of Bob${stamp} Tester`).selectOption("steward");
  await expect(alice.page.getByTestId("confirm-question")).toContainText(`Make Bob${stamp} Tester a steward instead of a member?`);
  await alice.page.getByRole("button", { name: "Yes, make them a steward" }).click();
  await expect(alice.page.getByRole("status")).toContainText("is now a steward");
  await bob.page.reload();
  await expect(bob.page.getByText("you are a steward")).toBeVisible();
  await expect(bob.page.getByRole("button", { name: "Create invitation link" })).toBeVisible();
  // A steward is not shown controls the policy would refuse: nothing to change or remove on the owner.
  await expect(bob.page.getByLabel(`Role of Alice${stamp} Tester`)).toHaveCount(0);
  await expect(bob.page.getByTestId(`member-Alice${stamp} Tester`).getByRole("button", { name: /Remove/ })).toHaveCount(0);
  await bob.page.screenshot({ path: "/tmp/small-ux-members-steward.png", fullPage: true });

  // Alice reads the charter in plain language, amends it, and the change reads back.
  await alice.page.goto(`/s/${slug}/charter`);
  await expect(alice.page.getByTestId("charter-sentence-release")).toContainText("Apache-style, at least 3 binding +1");
  await alice.page.getByLabel("Reason for this amendment").fill("Four binding votes for releases");
  await alice.page.getByRole("group", { name: "Release votes" }).getByLabel("Minimum binding +1 votes").fill("4");
  await alice.page.getByRole("button", { name: "Amend charter" }).click();
  await expect(alice.page.getByRole("status")).toContainText("Version 2");
  await expect(alice.page.getByTestId("charter-sentence-release")).toContainText("at least 4 binding +1");

  // The history shows what happened, in plain language.
  await alice.page.goto(`/s/${slug}`);
  const history = alice.page.getByRole("list", { name: "Recent history" });
  await expect(history).toContainText("amended the charter (version 2)");
  await expect(history).toContainText("role from member to steward");
  await expect(history).toContainText("joined as member through an invitation");

  await Promise.all([alice.context.close(), bob.context.close(), carol.context.close()]);
});

test("a private space is invisible (404) to a signed-in non-member, by page and by API", async ({ browser, page }) => {
  const stamp = Date.now().toString(36);
  const slug = `embargo-${stamp}`;
  const owner = await person(browser, `owner${stamp}`);
  await owner.page.goto("/spaces/new");
  await owner.page.getByLabel("Slug").fill(slug);
  await owner.page.getByLabel("Name").fill("Embargoed reports");
  await owner.page.getByLabel(/Private/).check();
  await owner.page.getByRole("button", { name: "Create space" }).click();
  await owner.page.waitForURL(`**/s/${slug}`);

  await signInWithOidc(page, `outsider${stamp}`);
  for (const path of [`/s/${slug}`, `/s/${slug}/members`, `/s/${slug}/charter`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  }
  const api = await page.request.get(`/api/v1/spaces/${slug}`);
  expect(api.status()).toBe(404);
  await page.goto("/");
  await expect(page.getByText("Embargoed reports")).toHaveCount(0);
  await owner.context.close();
});
