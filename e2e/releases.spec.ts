// Releases: proposing one from a pasted model card, its MOF class and what is missing, review, the manifest,
// the status filter, and withdrawing.
import { expect, test, type Person } from "./support/fixtures";
import { ReleaseFormPage } from "./support/pages/release-form-page";
import { ReleasePage } from "./support/pages/release-page";
import { sampleCard, threeArtifacts } from "./support/releases";
import type { ReleaseInput } from "./support/spaces";
import { formatTime } from "../lib/format-time";

/** kestrel-3b 1.0 with the licensed components of a Class III Open Model, as the card and form would give them. */
const classThreeRelease: ReleaseInput = {
  modelName: "kestrel-3b",
  version: "1.0",
  artifacts: threeArtifacts,
  components: [
    ...["model-architecture", "final-parameters", "model-card"].map((component) => ({ component, included: true, license: "Apache-2.0" })),
    ...["technical-report", "evaluation-results", "sample-outputs", "data-card"].map((component) => ({ component, included: true, license: "CC-BY-4.0" })),
  ],
};

const failOnDialogs = (person: Person) =>
  person.page.on("dialog", (dialog) => {
    throw new Error(`unexpected dialog: ${dialog.message()}`);
  });

test("propose a release from a pasted model card, see its MOF class and what is missing, fix a component", async ({ people, spaces }) => {
  const owner = await people.signIn("owner");
  failOnDialogs(owner);
  const { page } = owner;
  const space = await spaces.create(owner, { prefix: "kestrel", name: "Kestrel Models" });

  // An empty list invites a first release.
  await page.goto(space.path("releases"));
  await expect(page.getByText("No releases yet")).toBeVisible();
  await page.getByRole("link", { name: "New release" }).click();
  await page.waitForURL(`**${space.path("releases/new")}`);

  // The pasted card prefills the model name, the base model and the licensed components.
  const form = new ReleaseFormPage(page);
  await form.prefillFromCard(sampleCard);
  await expect(form.field("Model name")).toHaveValue("kestrel-3b");
  await expect(form.field("Base model")).toHaveValue("mistralai/Mistral-7B-v0.3");
  await expect(form.field("License of Model parameters (final)")).toHaveValue("Apache-2.0");
  await form.field("Version").fill("1.0");

  // Three artifacts; the third has a truncated digest first.
  await form.addArtifact();
  await form.addArtifact();
  await form.fillArtifact(1, threeArtifacts[0]!);
  await form.fillArtifact(2, threeArtifacts[1]!);
  await form.fillArtifact(3, { ...threeArtifacts[2]!, digest: threeArtifacts[2]!.digest.slice(0, 47) });

  await form.includeComponent("Technical report", "CC-BY-4.0");
  await form.includeComponent("Evaluation results", "CC-BY-4.0");
  await form.includeComponent("Sample model outputs", "CC-BY-4.0");
  await form.includeComponent("Data card");
  await form.field("Registry links (one per line)").fill(`hf://kestrel/kestrel-3b@${"4f1c0b8e2a".repeat(4)}\nghcr.io/kestrel/kestrel-3b:1.0`);

  await form.proposeButton().click();
  await expect(page.getByTestId("form-error")).toContainText("64 hex characters, but this one has 40");
  await form.fillArtifact(3, threeArtifacts[2]!);
  const releaseId = await form.propose(space.slug);

  // The release page: three artifacts, unclassified because the data card has no license.
  const release = new ReleasePage(page);
  await expect(page.getByRole("heading", { name: "kestrel-3b 1.0" })).toBeVisible();
  await expect(release.artifactRows()).toHaveCount(4);
  await expect(release.mofClass()).toHaveText("Unclassified");
  await expect(release.missingForNext()).toContainText("Data card: missing license");
  await expect(page.getByRole("list", { name: "Registry links" })).toContainText("mutable");
  await expect(page.getByRole("list", { name: "OSAID checklist" })).toBeVisible();
  // The card's script and event handler were rendered inert.
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

  // Fix the data card's license: the class becomes Class III, and Class II's needs are listed.
  await page.getByRole("link", { name: "Edit", exact: true }).click();
  await form.field("License of Data card").fill("CC-BY-4.0");
  await expect(page.getByTestId("mof-class")).toHaveText("Class III Open Model");
  await page.getByRole("button", { name: "Save changes" }).click();
  await page.waitForURL(`**${space.path(`releases/${releaseId}`)}`);
  await expect(release.mofClass()).toHaveText("Class III Open Model");
  await expect(release.missingForNext()).toContainText("Training code");
});

test("a release goes to review from its page, a vote by hand is refused, and the manifest and the status filter tell it", async ({ people, spaces }) => {
  const owner = await people.signIn("owner");
  failOnDialogs(owner);
  const { page } = owner;
  const space = await spaces.create(owner, { prefix: "kestrel", name: "Kestrel Models" });
  const releaseId = await space.proposeRelease(classThreeRelease);

  // Asking for a vote by hand is refused with a pointer to release decisions; review is fine.
  await new ReleasePage(page).goto(space.slug, releaseId);
  await page.getByRole("button", { name: "Send for review" }).click();
  await expect(page.getByRole("status")).toContainText("The release is now in review.");
  const vote = await owner.api.send("post", `/api/v1/releases/${releaseId}/transitions`, { to: "voting" });
  expect(vote.status()).toBe(422);
  expect((await vote.json()).error.code).toBe("VOTE_THROUGH_DECISION");

  // The manifest: three digests, licenses, class III, not approved (no vote yet).
  const response = await page.request.get(`/api/v1/releases/${releaseId}/manifest`);
  expect(response.ok()).toBe(true);
  const manifest = await response.json();
  expect(manifest.digests).toEqual(threeArtifacts.map((a) => a.digest).sort());
  expect(manifest.openness).toMatchObject({ class: 3, label: "Class III Open Model" });
  expect(manifest.licenses).toEqual(expect.arrayContaining([{ component: "final-parameters", license: "Apache-2.0" }, { component: "data-card", license: "CC-BY-4.0" }]));
  expect(manifest.approved).toBe(false);
  expect(manifest.release).toMatchObject({ space: space.slug, modelName: "kestrel-3b", version: "1.0", status: "in_review" });

  // The list filters by status.
  await page.goto(space.path("releases?status=in_review"));
  await expect(page.getByRole("list", { name: "Releases" })).toContainText("kestrel-3b 1.0");
  await page.goto(space.path("releases?status=published"));
  await expect(page.getByText("No release matches this filter")).toBeVisible();
});

test("withdrawing is final: it asks to confirm and why; the page then says who withdrew it, when and why", async ({ people, spaces }) => {
  const owner = await people.signIn("owner");
  failOnDialogs(owner);
  const { page } = owner;
  const space = await spaces.create(owner, { prefix: "kestrel", name: "Kestrel Models" });
  const releaseId = await space.releaseInReview(classThreeRelease);

  const release = new ReleasePage(page);
  await release.goto(space.slug, releaseId);
  await release.withdrawButton().click();
  const reason = release.withdrawReason();
  await expect(reason).toBeFocused();
  await release.confirmWithdraw().click();
  // The message stands under the field (its description) and in the announced summary; the field keeps focus.
  await expect(reason).toHaveAccessibleDescription(/Say why the release is withdrawn; the record keeps the reason\./);
  await expect(release.withdrawForm().getByRole("alert")).toContainText("Reason for withdrawing: Say why the release is withdrawn; the record keeps the reason.");
  await expect(reason).toHaveAttribute("aria-invalid", "true");
  await expect(reason).toBeFocused();
  await reason.fill("Superseded by kestrel-3b 1.1");
  await release.confirmWithdraw().click();
  // Dates read in the viewer's time zone, in the app's one format.
  const zone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  const today = formatTime(new Date(), { style: "date", timeZone: zone });
  await expect(release.withdrawal()).toContainText(`Withdrawn by ${owner.name} on ${today}: Superseded by kestrel-3b 1.1`);
  await expect(release.withdrawButton()).toHaveCount(0);
  // The release's own history names it (in quotes) and keeps the reason.
  await expect(page.getByText(/withdrew the release “kestrel-3b [^”]+”: Superseded by kestrel-3b 1\.1/)).toBeVisible();
});
