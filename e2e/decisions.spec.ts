// Three people signed in through OpenID Connect run an Apache release vote and a ranked licensing vote to
// a close (offered only once the outcome cannot change, and confirmed); the release ends approved with the
// winning license, and the history shows every ballot.
import { expect, test, type Person, type Spaces } from "./support/fixtures";
import { DecisionPage, plusOne, rank } from "./support/pages/decision-page";
import { digestOf, type Space } from "./support/spaces";

/** Alice's space with Bob and Carol as stewards, early close allowed, no audits required, and a release in review. */
async function voteCollective(alice: Person, stewards: Person[], spaces: Spaces): Promise<{ space: Space; releaseId: string }> {
  const space = await spaces.create(alice, { prefix: "vote", name: "Vote Collective" });
  for (const steward of stewards) await space.addMember(steward, "steward");
  await space.amendCharter("Small team: early close, audits optional", (charter) => {
    charter.audits.requiredCategories = [];
    charter.decisions.release.earlyClose = true;
    charter.decisions.licensing.earlyClose = true;
  });
  const releaseId = await space.releaseInReview({
    modelName: "vote-lm",
    version: "1.0",
    artifacts: [{ name: "model.safetensors", kind: "weights", digest: digestOf("ab") }],
    components: [{ component: "datasets", included: true, license: "ODbL-1.0" }],
  });
  return { space, releaseId };
}

test("an Apache release vote by three people is offered an early close only once the outcome is final, and approves the release", async ({ people, spaces }) => {
  test.setTimeout(120_000);
  const [alice, bob, carol] = [await people.signIn("alice"), await people.signIn("bob"), await people.signIn("carol")];
  const { space, releaseId } = await voteCollective(alice, [bob, carol], spaces);

  // Alice opens the release vote from the form.
  const alices = new DecisionPage(alice.page);
  const releaseVote = await alices.open(space.slug, `?releaseId=${releaseId}`, async (page) => {
    await page.getByLabel("Title").fill("Release vote-lm 1.0");
    await page.getByLabel("Question and context (markdown)").fill("Approve **vote-lm 1.0**?");
  });
  await expect(alices.projection()).toContainText("If it closed now: fails because 0 binding +1");

  // Three binding +1; Alice's page updates by itself.
  await alices.vote(releaseVote, plusOne);
  await new DecisionPage(bob.page).vote(releaseVote, plusOne);
  // With 2 of 3 +1 in and Carol still to vote the outcome could change, so there is no "Close now" yet.
  await expect(alices.earlyCloseReason()).toContainText("1 binding voter can still vote; the outcome could still change.", { timeout: 15_000 });
  await expect(alices.closeNowButton()).toHaveCount(0);
  await new DecisionPage(carol.page).vote(releaseVote, plusOne);
  await expect(alices.projection()).toContainText("If it closed now: passes because 3 binding +1, 0 binding -1; 3 needed.", { timeout: 15_000 });

  await alices.closeNow("Close now? Ballots cast so far count as they stand; nobody can change theirs after this. Outcome: passes because 3 binding +1, 0 binding -1; 3 needed.");
  await expect(alices.outcome()).toContainText("Passed: 3 binding +1, 0 binding -1; 3 needed.");
  await expect(alices.outcome()).toContainText("The release is approved.");

  // The history shows every ballot and the close.
  await carol.page.goto(space.path("history"));
  for (const who of [alice, bob, carol]) await expect(carol.page.getByText(`${who.name} voted +1`)).toBeVisible();
  await expect(carol.page.getByText(`${alice.name} closed the decision “Release vote-lm 1.0” early: Passed: 3 binding +1`)).toBeVisible();
});

test("a ranked licensing vote by three people sets the license of the datasets on the approved release", async ({ people, spaces }) => {
  test.setTimeout(120_000);
  const [alice, bob, carol] = [await people.signIn("alice"), await people.signIn("bob"), await people.signIn("carol")];
  const { space, releaseId } = await voteCollective(alice, [bob, carol], spaces);
  // The release is approved first, by a release vote cast and closed through the API.
  const releaseVote = await alice.api.post(`/api/v1/spaces/${space.slug}/decisions`, { kind: "release", title: "Release vote-lm 1.0", releaseId });
  for (const voter of [alice, bob, carol]) await voter.api.post(`/api/v1/decisions/${releaseVote.id}/ballots`, { choice: "+1" });
  await alice.api.post(`/api/v1/decisions/${releaseVote.id}/close`);

  // The licensing vote for the datasets: ranked choice (instant runoff).
  const alices = new DecisionPage(alice.page);
  const licensing = await alices.open(space.slug, `?releaseId=${releaseId}`, async (page) => {
    await page.getByLabel("Kind").selectOption("licensing");
    await page.getByLabel("Voting method").selectOption("irv");
    await page.getByLabel("Title").fill("License of the datasets");
    await page.getByLabel("Options, one per line").fill("CC-BY-4.0\nCDLA-Permissive-2.0\nODbL-1.0");
    await page.getByLabel("Component").selectOption("datasets");
  });
  expect(licensing).not.toBe(space.path(`decisions/${releaseVote.id}`));

  await alices.vote(licensing, rank(["CC-BY-4.0", "CDLA-Permissive-2.0"]));
  await new DecisionPage(bob.page).vote(licensing, rank(["CDLA-Permissive-2.0", "CC-BY-4.0"]));
  await new DecisionPage(carol.page).vote(licensing, rank(["ODbL-1.0", "CC-BY-4.0"]));
  await alice.page.reload();
  await alices.closeNow('Outcome: passes because "CC-BY-4.0" won in round 2');
  await expect(alices.outcome()).toContainText('Passed: "CC-BY-4.0" won in round 2');
  await expect(alices.outcome()).toContainText("The license of the datasets component is now CC-BY-4.0.");

  // The release is approved, with the winning license.
  const after = await alice.api.get(`/api/v1/releases/${releaseId}`);
  expect(after.status).toBe("approved");
  expect(after.components.find((c: { component: string }) => c.component === "datasets")?.license).toBe("CC-BY-4.0");
  await alice.page.goto(space.path(`releases/${releaseId}`));
  await expect(alice.page.getByText("CC-BY-4.0").first()).toBeVisible();
  await expect(alice.page.getByText(/approved/i).first()).toBeVisible();

  // The history shows the ranked ballots and the close.
  await carol.page.goto(space.path("history"));
  await expect(carol.page.getByText(/voted CC-BY-4.0|voted cc-by-4.0/).first()).toBeVisible();
  await expect(carol.page.getByText(`${alice.name} closed the decision “License of the datasets” early: Passed: "CC-BY-4.0"`)).toBeVisible();
});
