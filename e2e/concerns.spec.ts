// A binding voter raises a blocking concern on an open decision; the tally says it fails while the concern is open
// (on every voter's page, without a reload); a member whose vote is advisory is told why they may not raise one;
// the raiser resolves it, the vote passes at an early close, and the history keeps both steps.
import { expect, test } from "@playwright/test";
import { apiJson, concernsPanel, raiseConcern, signedInPerson } from "./support/concerns";
import { screenshotViews } from "./support/forms";
import { comment, commentBy } from "./support/threads";

test("a blocking concern holds a vote until the one who raised it resolves it", async ({ browser }) => {
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36);
  const slug = `concern-${stamp}`;
  const alice = await signedInPerson(browser, `alice${stamp}`);
  const bob = await signedInPerson(browser, `bob${stamp}`);
  const carol = await signedInPerson(browser, `carol${stamp}`);

  // Alice's space: Bob a steward (binding), Carol a member (advisory); policy votes may close early and
  // an open concern blocks them.
  await apiJson(alice.page, "post", "/api/v1/spaces", { slug, name: "Concern Collective", visibility: "public" });
  await apiJson(alice.page, "post", `/api/v1/spaces/${slug}/members`, { email: `bob${stamp}@oidc.example.test`, role: "steward" });
  await apiJson(alice.page, "post", `/api/v1/spaces/${slug}/members`, { email: `carol${stamp}@oidc.example.test`, role: "member" });
  const current = await apiJson(alice.page, "get", `/api/v1/spaces/${slug}/charter`);
  const charter = current.charter;
  charter.decisions.policy.earlyClose = true;
  charter.decisions.policy.concernsBlock = true;
  await apiJson(alice.page, "put", `/api/v1/spaces/${slug}/charter`, { charter, reason: "Concerns block policy votes", basedOnVersion: current.version });
  const decision = await apiJson(alice.page, "post", `/api/v1/spaces/${slug}/decisions`, { title: "Train on the forum archive", question: "Add the **forum archive** to the training mix?", kind: "policy", hours: 72 });
  const url = `/s/${slug}/decisions/${decision.id}`;

  // Carol's vote is advisory: the page says why she may not raise a concern.
  await carol.page.goto(url);
  await expect(concernsPanel(carol.page).getByTestId("concern-refusal")).toHaveText("Only a binding voter can raise a blocking concern here; your vote is advisory or you have none.");
  await expect(concernsPanel(carol.page).getByRole("button", { name: "Raise concern" })).toHaveCount(0);

  // Bob raises one through the form; an empty text is refused under its field first.
  await bob.page.goto(url);
  await raiseConcern(bob.page, { title: "Eval set leaks into training data", body: "" });
  await expect(concernsPanel(bob.page).getByLabel("What is wrong, and what would resolve it")).toHaveAttribute("aria-invalid", "true");
  await raiseConcern(bob.page, { title: "Eval set leaks into training data", body: "The archive contains the **eval prompts** of 2025; decontaminate first." });
  await expect(concernsPanel(bob.page).getByTestId("concern-open")).toContainText("Eval set leaks into training data");

  // Both binding voters vote yes; Alice's page, open all along, shows the vote failing while the concern is open.
  await alice.page.goto(url);
  await apiJson(alice.page, "post", `/api/v1/decisions/${decision.id}/ballots`, { choice: "yes" });
  await apiJson(bob.page, "post", `/api/v1/decisions/${decision.id}/ballots`, { choice: "yes" });
  const blocked = `If it closed now: fails while 1 concern is open: 'Eval set leaks into training data' by ${bob.name}.`;
  await expect(alice.page.getByTestId("projection")).toContainText(blocked, { timeout: 15_000 });
  await expect(alice.page.getByTestId("early-close-reason")).toContainText("it must be resolved or overridden before this decision can pass.");
  await expect(concernsPanel(alice.page).getByTestId("concerns-blocking")).toHaveText(`Fails while 1 concern is open: 'Eval set leaks into training data' by ${bob.name}.`);
  // Alice did not raise it: a steward may only override it (with a reason), not resolve it.
  await expect(concernsPanel(alice.page).getByRole("button", { name: "Resolve" })).toHaveCount(0);
  await expect(concernsPanel(alice.page).getByRole("button", { name: "Override" })).toBeVisible();
  await concernsPanel(alice.page).scrollIntoViewIfNeeded();
  await screenshotViews(alice.page, "concern-blocking");

  // Bob resolves it; Alice's page, without a reload, now shows the vote passing and offers the close.
  await concernsPanel(bob.page).getByRole("button", { name: "Resolve" }).click();
  await concernsPanel(bob.page).getByRole("button", { name: "Yes, it is resolved" }).click();
  await expect(concernsPanel(bob.page).getByTestId("concern-resolved")).toContainText(`resolved by ${bob.name}`);
  await expect(alice.page.getByTestId("projection")).toContainText("If it closed now: passes because 2 yes, 0 no and 0 abstain", { timeout: 15_000 });
  await expect(concernsPanel(alice.page).getByTestId("concerns-blocking")).toHaveCount(0, { timeout: 15_000 });
  await alice.page.getByRole("button", { name: "Close now" }).click();
  await alice.page.getByRole("button", { name: "Yes, close the vote" }).click();
  await expect(alice.page.getByTestId("decision-outcome")).toContainText("Passed: 2 yes, 0 no and 0 abstain");

  // The list counts open concerns (none now); the history keeps the concern and its resolution.
  await carol.page.goto(`/s/${slug}/history`);
  await expect(carol.page.getByText(`${bob.name} raised a concern “Eval set leaks into training data” on the decision`)).toBeVisible();
  await expect(carol.page.getByText(`${bob.name} resolved their concern “Eval set leaks into training data”`)).toBeVisible();

  for (const p of [alice, bob, carol]) await p.context.close();
});

test("a concern is itself a thread: its comments, and new concerns, appear on another person's page without a reload", async ({ browser }) => {
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36);
  const slug = `cthread-${stamp}`;
  const alice = await signedInPerson(browser, `alice${stamp}`);
  const bob = await signedInPerson(browser, `bob${stamp}`);
  const carol = await signedInPerson(browser, `carol${stamp}`);
  await apiJson(alice.page, "post", "/api/v1/spaces", { slug, name: "Concern Threads", visibility: "public" });
  await apiJson(alice.page, "post", `/api/v1/spaces/${slug}/members`, { email: `bob${stamp}@oidc.example.test`, role: "steward" });
  await apiJson(alice.page, "post", `/api/v1/spaces/${slug}/members`, { email: `carol${stamp}@oidc.example.test`, role: "member" });
  const decision = await apiJson(alice.page, "post", `/api/v1/spaces/${slug}/decisions`, { title: "Train on the forum archive", question: "Add the forum archive?", kind: "policy", hours: 72 });
  const url = `/s/${slug}/decisions/${decision.id}`;

  // Carol (advisory, no concern open yet) has the page open; Bob raises a concern; it appears on her page.
  await carol.page.goto(url);
  await expect(concernsPanel(carol.page)).toContainText("No concerns raised.");
  const raised = await apiJson(bob.page, "post", `/api/v1/decisions/${decision.id}/concerns`, { title: "Eval set leaks into training data", body: "The archive holds the **eval prompts**." });
  const item = concernsPanel(carol.page).getByTestId("concern-open");
  await expect(item).toContainText("Eval set leaks into training data", { timeout: 15_000 });

  // Carol opens its discussion and asks; Bob, following the concern's link, sees its thread open and her question.
  await item.getByRole("button", { name: "Discuss (0 comments)" }).click();
  await comment(carol.page, "Which shards did you check?", "Comment on this concern");
  await expect(commentBy(carol.page, carol.name, "Which shards")).toBeVisible();
  await bob.page.goto(`${url}#concern-${raised.id}`);
  await expect(commentBy(bob.page, carol.name, "Which shards")).toBeVisible();
  await expect(concernsPanel(bob.page).getByRole("button", { name: "Hide discussion" })).toBeVisible();

  // Bob answers there; Carol's page shows it without a reload, and the concern's count follows.
  await comment(bob.page, "Shard 17 only; the others are clean.", "Comment on this concern");
  await expect(concernsPanel(bob.page).getByTestId("thread-title")).toHaveText("Discussion of this concern (2 comments)");
  await concernsPanel(bob.page).scrollIntoViewIfNeeded();
  await screenshotViews(bob.page, "concern-thread");
  await expect(commentBy(carol.page, bob.name, "Shard 17 only")).toBeVisible({ timeout: 15_000 });
  await item.getByRole("button", { name: "Hide discussion" }).click();
  await expect(item.getByRole("button", { name: "Discuss (2 comments)" })).toBeVisible({ timeout: 15_000 });
  // The decision's own thread is apart from the concern's.
  await expect(carol.page.getByRole("region", { name: "Discussion", exact: true }).getByText("No comments yet.")).toBeVisible();

  // The history says what each comment was on, and the concern's thread answers over the API.
  await carol.page.goto(`/s/${slug}/history`);
  await expect(carol.page.getByText(`${bob.name} commented on the concern “Eval set leaks into training data”`)).toBeVisible();
  const thread = await apiJson(carol.page, "get", `/api/v1/threads/concern/${raised.id}/comments`);
  expect(thread.subject.path).toBe(`${url}#concern-${raised.id}`);
  expect(thread.count).toBe(2);

  for (const p of [alice, bob, carol]) await p.context.close();
});
