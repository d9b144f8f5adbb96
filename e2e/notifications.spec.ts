// A steward opens a vote; a member sees the inbox badge, gets the e-mail (read from the test SMTP server),
// follows its link and votes; 24 hours before the deadline the reminder reaches the member who has not voted.
import { expect, test, type Person, type Space } from "./support/fixtures";
import { DecisionPage } from "./support/pages/decision-page";
import { linkIn, mailFor, waitForMail } from "./support/mail";

/** A datetime-local value `leadMs` from now in the page's own time zone, rounded up to the minute. */
const localIn = (page: Person["page"], leadMs: number) =>
  page.evaluate((lead) => {
    const at = new Date(Math.ceil((Date.now() + lead) / 60_000) * 60_000);
    const pad = (n: number) => String(n).padStart(2, "0");
    return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
  }, leadMs);

/** The owner opens a policy vote from the form (closing at `closesAt`, else the charter's default); returns its path. */
async function openVote(space: Space, closesAt?: string) {
  return new DecisionPage(space.owner.page).open(space.slug, "", async (page) => {
    await page.getByLabel("Title").fill("Adopt the code of conduct");
    await page.getByLabel("Question and context (markdown)").fill("Should we adopt the Contributor Covenant?");
    await page.getByLabel("Kind").selectOption("policy");
    if (closesAt) await page.getByLabel("Voting closes").fill(closesAt);
  });
}

/** The member sees the badge (polled, no reload needed) and the inbox entry linking the decision. */
async function seeInInbox(member: Person, space: Space, decisionPath: string) {
  await member.page.goto(space.path());
  await expect(member.page.getByTestId("inbox-badge")).toHaveText("1", { timeout: 30_000 });
  await member.page.getByTestId("inbox-link").click();
  await expect(member.page.getByRole("heading", { name: "Inbox" })).toBeVisible();
  const entry = member.page.getByTestId("inbox-entries").getByRole("link", { name: /Vote open in Notify Collective: Adopt the code of conduct/ });
  await expect(entry).toHaveAttribute("href", decisionPath);
}

test("a vote opens: the member's inbox badge counts it and the entry links the decision", async ({ people, spaces }) => {
  test.setTimeout(150_000);
  const alice = await people.signIn("alice");
  const bob = await people.signIn("bob");
  const space = await spaces.create(alice, { prefix: "notify", name: "Notify Collective" });
  await space.addMember(bob, "member");
  await seeInInbox(bob, space, await openVote(space));
});

test("a vote opens: e-mail, its link, a ballot, and the reminder to the one who has not voted", async ({ people, spaces }) => {
  // The reminder comes 24 hours before the deadline; the charter lets this space run policy votes for 24 hours,
  // so a vote closing 24 hours and two minutes from now is reminded of, for real, about two minutes from now.
  test.setTimeout(300_000);
  const alice = await people.signIn("alice");
  const bob = await people.signIn("bob");
  const carol = await people.signIn("carol");
  const space = await spaces.create(alice, { prefix: "notify", name: "Notify Collective" });
  for (const member of [bob, carol]) await space.addMember(member, "member");
  await space.amendCharter("Policy votes may run for one day", (charter) => {
    charter.decisions.policy.minHours = 24;
  });
  const decisionPath = await openVote(space, await localIn(alice.page, 24 * 3600_000 + 90_000));
  await seeInInbox(bob, space, decisionPath);

  // The e-mail, as the SMTP server received it: its link opens the decision, where Bob votes.
  const [mail] = await waitForMail(bob.email, /^Vote open in Notify Collective: Adopt the code of conduct$/);
  expect(mail!.listUnsubscribe).toMatch(/\/api\/v1\/unsubscribe\?token=/);
  const link = linkIn(mail!, /\/decisions\//);
  expect(link).toBe(`${process.env.E2E_BASE_URL}${decisionPath}`);
  await new DecisionPage(bob.page).vote(link!, (page) => page.getByRole("radio", { name: "Yes" }).check());

  // Carol has not voted: the reminder reaches her inbox and her mailbox.
  const [reminder] = await waitForMail(carol.email, /^Closes in 24 hours and you have not voted: Adopt the code of conduct$/, { timeout: 200_000 });
  expect(reminder!.text).toContain(`${process.env.E2E_BASE_URL}${decisionPath}`);
  await carol.page.goto("/inbox");
  await expect(carol.page.getByTestId("inbox-entries").getByRole("link", { name: /Closes in 24 hours and you have not voted: Adopt the code of conduct/ })).toHaveAttribute("href", decisionPath);
  // Bob voted: one run of the reminder job wrote every reminder at once, and none of them is his.
  await bob.page.goto("/inbox");
  await expect(bob.page.getByTestId("inbox-entries").getByRole("link", { name: /Vote open in Notify Collective/ })).toBeVisible();
  await expect(bob.page.getByTestId("inbox-entries").getByRole("link", { name: /Closes in 24 hours/ })).toHaveCount(0);
  expect((await mailFor(bob.email)).map((m) => m.subject).filter((s) => s.startsWith("Closes in 24 hours"))).toEqual([]);
});
