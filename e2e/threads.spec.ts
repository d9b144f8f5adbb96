// Three people discuss a proposal (an @mention picked from suggestions, a reply, comments appearing live), a steward
// turns it into a decision that links back, then hides a spam comment and redacts it; the space's export verifies
// offline, reports the redaction, and no longer holds the text.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "./support/fixtures";
import { comment, commentBy, moderate, reply, screenshotPage } from "./support/threads";

const SPAM = "Cheap GPU credits at gpu-deals.example";

test("three people discuss a proposal, a steward turns it into a decision, hides and redacts a comment; the export verifies", async ({ people, spaces }) => {
  test.setTimeout(240_000);
  const alice = await people.signIn("alice");
  const bob = await people.signIn("bob");
  const carol = await people.signIn("carol");
  const space = await spaces.create(alice, { prefix: "talk", name: "Talk Collective" });
  await space.addMember(bob, "steward");
  await space.addMember(carol, "member");
  const slug = space.slug;

  // Carol, a member, starts a proposal.
  await carol.page.goto(`/s/${slug}/proposals`);
  await carol.page.getByRole("link", { name: "Start a proposal" }).click();
  await carol.page.getByRole("textbox", { name: "Title" }).fill("Relicense the tokenizer under Apache-2.0?");
  await carol.page.getByRole("textbox", { name: /What you propose/ }).fill("The tokenizer is **CC-BY-4.0**; Apache-2.0 would match the code. <script>alert(1)</script>");
  await carol.page.getByRole("button", { name: "Start the proposal" }).click();
  await expect(carol.page.getByRole("heading", { name: "Relicense the tokenizer under Apache-2.0?" })).toBeVisible();
  const proposalUrl = new URL(carol.page.url()).pathname;
  await expect(commentBy(carol.page, carol.name, "Apache-2.0 would match the code").locator("strong")).toHaveText("CC-BY-4.0");

  // Bob comments, mentioning Carol through the suggestions; Carol sees it appear without reloading.
  await bob.page.goto(proposalUrl);
  await comment(bob.page, `Good idea, {@Car|${carol.name}} what about the patent grant?`);
  await expect(commentBy(carol.page, bob.name, "patent grant")).toBeVisible({ timeout: 15_000 });
  await expect(commentBy(carol.page, bob.name, "patent grant")).toContainText(`@${carol.name} what about`);

  // Alice replies to Bob; then Carol posts spam (her account was compromised, say).
  await alice.page.goto(proposalUrl);
  await reply(alice.page, commentBy(alice.page, bob.name, "patent grant"), bob.name, "Apache-2.0 has one; CC-BY does not.");
  await expect(commentBy(alice.page, alice.name, "Apache-2.0 has one")).toBeVisible();
  await comment(carol.page, SPAM);
  await expect(carol.page.getByTestId("thread-title")).toContainText("(4 comments)");
  // Only stewards and owners turn a proposal into a decision.
  await expect(carol.page.getByRole("link", { name: "Turn into a decision" })).toHaveCount(0);
  await expect(alice.page.getByRole("link", { name: "Turn into a decision" })).toBeVisible();

  // Bob, a steward, turns it into a decision: the form is prefilled and the decision links back.
  await bob.page.goto(proposalUrl);
  await bob.page.getByRole("link", { name: "Turn into a decision" }).click();
  await expect(bob.page.getByRole("textbox", { name: "Title" })).toHaveValue("Relicense the tokenizer under Apache-2.0?");
  await bob.page.getByRole("button", { name: "Open decision" }).click();
  await expect(bob.page).toHaveURL(/\/decisions\/[a-z0-9]+$/);
  await bob.page.getByRole("link", { name: "Relicense the tokenizer under Apache-2.0?" }).first().click();
  await expect(bob.page.getByText("became a decision")).toBeVisible();

  // Bob hides the spam with a reason, then redacts it.
  const spam = commentBy(bob.page, carol.name, "gpu-deals");
  await moderate(spam, "Hide", "Spam: an advertisement");
  const hidden = commentBy(bob.page, carol.name, "Hidden by a steward: Spam: an advertisement");
  await expect(hidden).toBeVisible();
  await screenshotPage(bob.page, "proposal");
  await moderate(hidden, "Redact", "Spam, removed for good");
  await expect(commentBy(bob.page, carol.name, /Redacted on .*: Spam, removed for good/)).toBeVisible();
  await expect(commentBy(carol.page, carol.name, /Redacted on/)).toBeVisible({ timeout: 15_000 });
  await expect(carol.page.getByText("gpu-deals")).toHaveCount(0);
  await screenshotPage(carol.page, "thread");
  await carol.page.goto(`/s/${slug}/proposals`);
  await expect(carol.page.getByRole("listitem").filter({ hasText: "Relicense the tokenizer" })).toContainText("3 comments");

  // The export verifies offline, reports the redaction, and does not hold the text.
  const response = await alice.page.request.get(`/api/v1/spaces/${slug}/events.ndjson`);
  expect(response.ok()).toBe(true);
  const text = await response.text();
  expect(text).not.toContain("gpu-deals");
  expect(text).toContain("patent grant");
  const file = path.join(os.tmpdir(), `${slug}-events.ndjson`);
  writeFileSync(file, text);
  const run = spawnSync("node_modules/.bin/tsx", ["scripts/verify.ts", file], { encoding: "utf8" });
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  expect(run.stdout).toMatch(/^OK: \d+ events verified/);
  expect(run.stdout).toMatch(new RegExp(`\\(comment\\.posted [0-9a-f-]+\\): redacted on \\d{4}-\\d{2}-\\d{2} by ${bob.name}: Spam, removed for good`));
});

