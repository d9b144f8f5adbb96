// Carrying a space to another instance (docs/preserve-archive.md): its archive is exported from the app and imported
// by the second instance's operator, as a read-only mirror that follows the app, or as a fork that governs on. People
// arrive unclaimed and claim their place by signing in there with the same account; an owner maps the others.
import { expect, test, type Person } from "./support/fixtures";
import type { Page } from "@playwright/test";
import { DecisionPage } from "./support/pages/decision-page";
import { HistoryPage } from "./support/pages/history-page";
import { MembersPage } from "./support/pages/members-page";
import { downloadArchive, importArchive, originCheckpoint, rewriteOriginHistory } from "./support/second-instance";
import { errorSummary, expectFieldError, screenshotViews } from "./support/forms";

const appUrl = () => process.env.E2E_BASE_URL ?? "http://localhost:3200";
const yes = (page: Page) => page.getByLabel("Yes", { exact: true }).check();
const banner = (page: Page) => page.getByTestId("origin-banner");
const mirrorBanner = (page: Page) => banner(page).getByText(/^Read-only mirror of /);

/** Opens a policy vote at the origin from the form, as its owner; returns the decision's path. */
function openVote(owner: Person, slug: string, title: string) {
  return new DecisionPage(owner.page).open(slug, "", async (page) => {
    await page.getByLabel("Title").fill(title);
    await page.getByLabel("Question and context (markdown)").fill("Should we adopt the Contributor Covenant?");
    await page.getByLabel("Kind").selectOption("policy");
  });
}

/** Reloads `page` until `see` holds: the mirror pulls its origin on a timer (CW_MIRROR_INTERVAL_MS, 2 s here). */
async function afterAPull(page: Page, see: () => Promise<void>) {
  await expect(async () => {
    await page.reload();
    await see();
  }).toPass({ timeout: 30_000, intervals: [1_000] });
}

test("a mirror on another instance says what it mirrors, takes no writes, follows new decisions, and stops with the evidence when the origin rewrites history", async ({ people, elsewhere, spaces }) => {
  test.setTimeout(120_000);
  const alice = await people.signIn("alice");
  const space = await spaces.create(alice, { prefix: "mirrored", name: "Mirrored Models" });
  const origin = `${appUrl()}/s/${space.slug}`;

  // The second instance's operator imports the app's archive as a following mirror.
  const imported = await importArchive(await downloadArchive(alice, space.slug), "mirror", { follow: true });
  expect(imported.summary).toBe(`Imported ${origin} as a mirror at /s/${space.slug}, verified to checkpoint ${imported.checkpoint} (root ${imported.root}…).`);
  expect(imported.checkpoint).toBe(await originCheckpoint(alice, space.slug));

  // Alice signs in there with the same account: she holds her identity (an owner), but the mirror takes no writes.
  const aliceThere = await elsewhere.signIn("alice");
  const page = aliceThere.page;
  await page.goto(space.path());
  await expect(page.getByText("you are an owner")).toBeVisible();
  await expect(mirrorBanner(page)).toHaveText(
    `Read-only mirror of ${origin}, verified to checkpoint ${imported.checkpoint} (root ${imported.root}…). Changes are made there.`,
  );
  await expect(banner(page)).toContainText("Follows its origin and checks every new checkpoint against the last one it holds.");
  await expect(page.getByRole("link", { name: "Settings", exact: true })).toHaveCount(0);
  const readOnly = `This space is a read-only mirror of ${origin}: changes are made there, not here.`;
  await page.goto(space.path("decisions/new"));
  await expect(page.getByTestId("refusal")).toHaveText(readOnly);
  const refused = await aliceThere.api.send("post", `/api/v1/spaces/${space.slug}/decisions`, { title: "Sneak a vote in", kind: "policy", hours: 72 });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error).toMatchObject({ code: "MIRROR_READ_ONLY", message: readOnly });

  // A decision opened at the origin reaches the mirror after its next pull; nobody can vote on it there.
  const title = "Adopt the code of conduct";
  const decisionPath = await openVote(alice, space.slug, title);
  const grown = await originCheckpoint(alice, space.slug);
  expect(grown).toBeGreaterThan(imported.checkpoint);
  await page.goto(space.path("decisions"));
  await afterAPull(page, () => expect(page.getByRole("link", { name: title })).toBeVisible({ timeout: 1_000 }));
  await expect(page.getByRole("link", { name: /Open a decision|New decision/ })).toHaveCount(0);
  await page.goto(decisionPath);
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expect(mirrorBanner(page)).toContainText(`verified to checkpoint ${grown} `);
  await expect(page.getByRole("button", { name: /Cast ballot/ })).toHaveCount(0);
  await screenshotViews(page, "preserve-mirror");

  // The origin's operator deletes the decision from its history. The mirror's next pull sees the log shrink: it stops
  // following, keeps the decision it had verified, shows both checkpoints and records why in its instance log.
  await rewriteOriginHistory({ slug: space.slug, keepSize: imported.checkpoint, decisionId: decisionPath.split("/").at(-1)! });
  const reason = `History was rewritten at the origin: the origin's log shrank from ${grown} to ${imported.checkpoint} events.`;
  await afterAPull(page, () => expect(banner(page)).toContainText(`Stopped following its origin: ${reason}`, { timeout: 1_000 }));
  const evidence = page.getByRole("definition");
  await expect(page.getByRole("term")).toHaveText(["Verified here", "Then signed by the origin", "Consistency proof"]);
  await expect(evidence.nth(0)).toHaveText(/^checkpoint \d+ \(root [0-9a-f]{16}…\)$/);
  await expect(evidence.nth(0)).toContainText(`checkpoint ${grown} `);
  await expect(evidence.nth(1)).toContainText(`checkpoint ${imported.checkpoint} (root ${imported.root}…) at `);
  await expect(evidence.nth(2)).toHaveText("none asked: the origin's log did not grow past what was verified here");
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await screenshotViews(page, "preserve-mirror-stopped");
  // Anyone, signed in or not, sees the same.
  const visitor = await elsewhere.visitor();
  await visitor.goto(space.path());
  await expect(banner(visitor)).toContainText(`Stopped following its origin: ${reason}`);
});

test("a fork on another instance governs on: its people claim their place by signing in with the same account, and an owner maps one who signs in with another", async ({ people, elsewhere, spaces }) => {
  test.setTimeout(120_000);
  const [alice, bob, carol] = [await people.signIn("alice"), await people.signIn("bob"), await people.signIn("carol")];
  const space = await spaces.create(alice, { prefix: "forked", name: "Forked Models" });
  await space.addMember(bob, "member");
  await space.addMember(carol, "steward");
  const title = "Adopt the code of conduct";
  const decisionPath = await openVote(alice, space.slug, title);

  const imported = await importArchive(await downloadArchive(alice, space.slug), "fork");
  expect(imported.summary).toBe(`Imported ${appUrl()}/s/${space.slug} as a fork at /s/${space.slug}, verified to checkpoint ${imported.checkpoint} (root ${imported.root}…).`);

  // Bob signs in there with his account of the origin: he is the member he was, and votes on the open decision.
  const bobThere = await elsewhere.signIn("bob");
  await bobThere.page.goto(space.path());
  await expect(bobThere.page.getByText("you are a member")).toBeVisible();
  await expect(banner(bobThere.page)).toHaveText(
    `Forked from ${appUrl()}/s/${space.slug} at checkpoint ${imported.checkpoint} (root ${imported.root}…); governed here since.`,
  );
  await new DecisionPage(bobThere.page).vote(decisionPath, yes);

  // Carol uses another account here. Alice, an owner again once signed in, maps her on the members page, after a slip:
  // she first types Carol's address at the origin, which nobody here has.
  const carolHere = await elsewhere.signIn("carolnew");
  const aliceThere = await elsewhere.signIn("alice");
  const members = new MembersPage(aliceThere.page);
  await members.goto(space.slug);
  await expect(aliceThere.page.getByText("you are an owner")).toBeVisible();
  const form = aliceThere.page.getByRole("form", { name: `Map ${carol.name}` });
  await expect(aliceThere.page.getByRole("form", { name: /^Map / })).toHaveCount(1); // Alice and Bob claimed theirs
  const email = form.getByLabel(`E-mail of the user who is ${carol.name} (steward)`);
  await email.fill(carol.email);
  await form.getByRole("button", { name: "Map to this user" }).click();
  await expectFieldError(email, "No user has this e-mail");
  await expect(errorSummary(form)).toBeVisible();
  await expect(email).toHaveValue(carol.email);
  await screenshotViews(aliceThere.page, "preserve-fork-map-error");
  await email.fill(carolHere.email);
  await form.getByRole("button", { name: "Map to this user" }).click();
  // Carol's form leaves with her; the page says what happened, and she is listed as the steward she was.
  await expect(aliceThere.page.getByRole("status").filter({ hasText: /^Mapped\./ })).toHaveText(`Mapped. The user now holds ${carol.name}'s place as steward.`);
  await expect(members.member(carolHere.name)).toBeVisible();
  await expect(members.roleOf(carolHere.name)).toHaveValue("steward");
  await expect(aliceThere.page.getByRole("form", { name: /^Map / })).toHaveCount(0);
  await expect(aliceThere.page.getByText("Everyone who arrived with the archive holds their place here.")).toBeVisible();
  await carolHere.page.goto(space.path());
  await expect(carolHere.page.getByText("you are a steward")).toBeVisible();

  // The fork's history: the fork at the imported checkpoint, then what was done here.
  const history = new HistoryPage(aliceThere.page);
  await history.goto(space.slug);
  const timeline = history.timeline();
  // The operator's import did it: the system, named as a sentence starts.
  await expect(timeline.getByText(`The system forked this space from ${appUrl()}/s/${space.slug} at checkpoint ${imported.checkpoint} (root ${imported.root}…)`)).toHaveText(/^The system /);
  await expect(timeline.getByText(`${bob.name} voted yes on “${title}”`)).toBeVisible();
  await expect(timeline.getByText(`${alice.name} mapped ${carol.name}, who arrived with the archive, to ${carolHere.name}, now steward`)).toBeVisible();
  await expect(timeline.getByText(`${alice.name} opened the policy decision “${title}”`)).toBeVisible();
  await screenshotViews(aliceThere.page, "preserve-fork-history");
});
