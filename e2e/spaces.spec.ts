// Spaces and their people: creating a space, invitation links, joining, roles and what each role is shown,
// the charter in plain language, and a private space's invisibility.
import { expect, test } from "./support/fixtures";
import { CharterPage } from "./support/pages/charter-page";
import { MembersPage } from "./support/pages/members-page";
import { NewSpacePage } from "./support/pages/new-space-page";

test("an owner creates a public space from the form and is shown as its owner", async ({ people, unique }) => {
  const alice = await people.signIn("alice");
  await new NewSpacePage(alice.page).create({ slug: `kestrel-${unique}`, name: "Kestrel Models", description: "We release **Kestrel**, small open speech models." });
  await expect(alice.page.getByRole("heading", { level: 1, name: "Kestrel Models" })).toBeVisible();
  await expect(alice.page.getByText("you are an owner")).toBeVisible();
});

test("an owner creates invitation links; a steward link keeps its role on screen, is listed, and can be revoked", async ({ people, spaces }) => {
  const alice = await people.signIn("alice");
  const space = await spaces.create(alice, { prefix: "kestrel", name: "Kestrel Models" });
  const members = new MembersPage(alice.page);
  await members.goto(space.slug);
  const link = await members.createInvitation();
  expect(link).toContain("/invite/cw_inv_");
  await expect(alice.page.getByRole("button", { name: "Copy invitation link" })).toBeVisible();
  await expect(members.invitation("member")).toBeVisible();

  await members.createInvitation("steward");
  await expect(members.invitation("steward")).toBeVisible();
  await expect(members.inviteLink()).not.toHaveText(link);
  await expect(members.invitationRole()).toHaveValue("steward");
  await alice.page.screenshot({ path: "/tmp/small-ux-invitations.png", fullPage: true });
  await members.revokeInvitation("steward");
  await expect(alice.page.getByText("The steward invitation link was revoked.")).toBeVisible();
  await expect(members.invitation("steward")).toHaveCount(0);
  await expect(members.invitation("member")).toBeVisible();
});

test("a person joins by link as a member, cannot invite, is told who may use what they may not, and the link works once", async ({ people, spaces }) => {
  const alice = await people.signIn("alice");
  const space = await spaces.create(alice, { prefix: "kestrel", name: "Kestrel Models" });
  const invitations = new MembersPage(alice.page);
  await invitations.goto(space.slug);
  const link = await invitations.createInvitation();

  const bob = await people.signIn("bob");
  await bob.page.goto(link);
  await bob.page.getByRole("button", { name: "Join Kestrel Models" }).click();
  await bob.page.waitForURL(`**${space.path()}`);
  await expect(bob.page.getByText("you are a member")).toBeVisible();
  await new MembersPage(bob.page).goto(space.slug);
  await expect(new MembersPage(bob.page).createInvitationButton()).toHaveCount(0);
  // Pages a member may not use say who may, the way the policy says it, instead of "Not found".
  await bob.page.goto(space.path("decisions/new"));
  await expect(bob.page.getByTestId("refusal")).toHaveText("Only owners or stewards may open a decision; you are a member.");
  await bob.page.goto(space.path("settings"));
  await expect(bob.page.getByTestId("refusal")).toHaveText("Only owners may change a space's settings; you are a member.");
  await bob.page.screenshot({ path: "/tmp/small-ux-settings-refusal.png" });

  const carol = await people.signIn("carol");
  await carol.page.goto(link);
  await expect(carol.page.getByText("This invitation has already been used.")).toBeVisible();

  await alice.page.goto(space.path());
  await expect(alice.page.getByRole("list", { name: "Recent history" })).toContainText("joined as member through an invitation");
});

test("someone not signed in is offered a sign-in link that comes back to the page", async ({ people, spaces, page }) => {
  const space = await spaces.create(await people.signIn("alice"), { prefix: "kestrel" });
  await page.goto(space.path());
  await expect(page.getByTestId("sign-in-to-join").getByRole("link", { name: "Sign in" })).toHaveAttribute("href", `/signin?callbackUrl=${encodeURIComponent(space.path())}`);
  await page.goto(space.path("releases/new"));
  await expect(page.getByTestId("refusal").getByRole("link")).toHaveAttribute("href", `/signin?callbackUrl=${encodeURIComponent(space.path("releases/new"))}`);
});

test("an owner makes a member a steward after confirming; the steward can invite but is shown nothing to change on the owner", async ({ people, spaces }) => {
  const alice = await people.signIn("alice");
  const bob = await people.signIn("bob");
  const space = await spaces.create(alice, { prefix: "kestrel" });
  await space.addMember(bob, "member");
  const bobsView = new MembersPage(bob.page);
  await bobsView.goto(space.slug);

  const members = new MembersPage(alice.page);
  await members.goto(space.slug);
  // Picking a role asks first; nothing changes until the question is answered.
  await members.roleOf(bob.name).selectOption("steward");
  await expect(alice.page.getByTestId("confirm-question")).toContainText(`Make ${bob.name} a steward instead of a member?`);
  await alice.page.getByRole("button", { name: "Yes, make them a steward" }).click();
  await expect(alice.page.getByRole("status")).toContainText("is now a steward");
  await bob.page.reload();
  await expect(bob.page.getByText("you are a steward")).toBeVisible();
  await expect(bobsView.createInvitationButton()).toBeVisible();
  // A steward is not shown controls the policy would refuse: nothing to change or remove on the owner.
  await expect(bobsView.roleOf(alice.name)).toHaveCount(0);
  await expect(bobsView.member(alice.name).getByRole("button", { name: /Remove/ })).toHaveCount(0);
  await bob.page.screenshot({ path: "/tmp/small-ux-members-steward.png", fullPage: true });

  await alice.page.goto(space.path());
  await expect(alice.page.getByRole("list", { name: "Recent history" })).toContainText("role from member to steward");
});

test("an owner reads the charter in plain language, amends it, and the change reads back and is on the history", async ({ people, spaces }) => {
  const alice = await people.signIn("alice");
  const space = await spaces.create(alice, { prefix: "kestrel" });
  const charter = new CharterPage(alice.page);
  await charter.goto(space.slug);
  await expect(charter.sentence("release")).toContainText("Apache-style, at least 3 binding +1");
  await charter.reason().fill("Four binding votes for releases");
  await charter.releaseVotes().getByLabel("Minimum binding +1 votes").fill("4");
  await charter.amendButton().click();
  await expect(alice.page.getByRole("status")).toContainText("Version 2");
  await expect(charter.sentence("release")).toContainText("at least 4 binding +1");

  await alice.page.goto(space.path());
  await expect(alice.page.getByRole("list", { name: "Recent history" })).toContainText("amended the charter (version 2)");
});

test("a private space is invisible (404) to a signed-in non-member, by page and by API", async ({ people, unique }) => {
  const owner = await people.signIn("owner");
  const slug = `embargo-${unique}`;
  await new NewSpacePage(owner.page).create({ slug, name: "Embargoed reports", private: true });

  const outsider = await people.signIn("outsider");
  for (const path of [`/s/${slug}`, `/s/${slug}/members`, `/s/${slug}/charter`]) {
    const response = await outsider.page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(outsider.page.getByRole("heading", { name: "Not found" })).toBeVisible();
  }
  const api = await outsider.api.send("get", `/api/v1/spaces/${slug}`);
  expect(api.status()).toBe(404);
  await outsider.page.goto("/");
  await expect(outsider.page.getByText("Embargoed reports")).toHaveCount(0);
});
