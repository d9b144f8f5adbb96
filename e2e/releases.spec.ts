import { expect, test } from "@playwright/test";
import { signInWithOidc } from "./support/session";
import { createSpaceThroughUi, fillArtifact, includeComponent, prefillFromCard, sampleCard, threeArtifacts } from "./support/releases";

test("propose a release from a pasted model card, see its MOF class and what is missing, fix a component, fetch the manifest", async ({ page }) => {
  const stamp = Date.now().toString(36);
  const slug = `kestrel-${stamp}`;
  page.on("dialog", (dialog) => {
    throw new Error(`unexpected dialog: ${dialog.message()}`);
  });
  await signInWithOidc(page, `owner${stamp}`);
  await createSpaceThroughUi(page, slug, "Kestrel Models");

  // An empty list invites a first release.
  await page.goto(`/s/${slug}/releases`);
  await expect(page.getByText("No releases yet")).toBeVisible();
  await page.getByRole("link", { name: "New release" }).click();
  await page.waitForURL(`**/s/${slug}/releases/new`);

  // The pasted card prefills the model name, the base model and the licensed components.
  await prefillFromCard(page, sampleCard);
  await expect(page.getByLabel("Model name")).toHaveValue("kestrel-3b");
  await expect(page.getByLabel("Base model")).toHaveValue("mistralai/Mistral-7B-v0.3");
  await expect(page.getByLabel("License of Model parameters (final)")).toHaveValue("Apache-2.0");
  await page.getByLabel("Version").fill("1.0");

  // Three artifacts; the third has a truncated digest first.
  await page.getByRole("button", { name: "Add artifact" }).click();
  await page.getByRole("button", { name: "Add artifact" }).click();
  await fillArtifact(page, 1, threeArtifacts[0]!);
  await fillArtifact(page, 2, threeArtifacts[1]!);
  await fillArtifact(page, 3, { ...threeArtifacts[2]!, digest: threeArtifacts[2]!.digest.slice(0, 47) });

  await includeComponent(page, "Technical report", "CC-BY-4.0");
  await includeComponent(page, "Evaluation results", "CC-BY-4.0");
  await includeComponent(page, "Sample model outputs", "CC-BY-4.0");
  await includeComponent(page, "Data card");
  await page.getByLabel("Registry links (one per line)").fill(`hf://kestrel/kestrel-3b@${"4f1c0b8e2a".repeat(4)}\nghcr.io/kestrel/kestrel-3b:1.0`);

  await page.getByRole("button", { name: "Propose release" }).click();
  await expect(page.getByTestId("form-error")).toContainText("64 hex characters, but this one has 40");
  await fillArtifact(page, 3, threeArtifacts[2]!);
  await page.getByRole("button", { name: "Propose release" }).click();
  await page.waitForURL(new RegExp(`/s/${slug}/releases/(?!new)[^/]+$`));
  const releaseId = page.url().split("/").pop()!;

  // The release page: three artifacts, unclassified because the data card has no license.
  await expect(page.getByRole("heading", { name: "kestrel-3b 1.0" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Artifacts" }).getByRole("row")).toHaveCount(4);
  await expect(page.getByTestId("mof-class").first()).toHaveText("Unclassified");
  await expect(page.getByTestId("missing-for-next")).toContainText("Data card: missing license");
  await expect(page.getByRole("list", { name: "Registry links" })).toContainText("mutable");
  await expect(page.getByRole("list", { name: "OSAID checklist" })).toBeVisible();
  // The card's script and event handler were rendered inert.
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

  // Fix the data card's license: the class becomes Class III, and Class II's needs are listed.
  await page.getByRole("link", { name: "Edit", exact: true }).click();
  await page.getByLabel("License of Data card").fill("CC-BY-4.0");
  await expect(page.getByTestId("mof-class")).toHaveText("Class III Open Model");
  await page.getByRole("button", { name: "Save changes" }).click();
  await page.waitForURL(`**/s/${slug}/releases/${releaseId}`);
  await expect(page.getByTestId("mof-class").first()).toHaveText("Class III Open Model");
  await expect(page.getByTestId("missing-for-next")).toContainText("Training code");

  // Asking for a vote by hand is refused with a pointer to release decisions; review is fine.
  await page.getByRole("button", { name: "Send for review" }).click();
  await expect(page.getByRole("status")).toContainText("The release is now in review.");
  // With the page's Origin, as the browser's own fetch would send it (cookie-authenticated writes need it).
  const vote = await page.request.post(`/api/v1/releases/${releaseId}/transitions`, { data: { to: "voting" }, headers: { origin: new URL(page.url()).origin } });
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
  expect(manifest.release).toMatchObject({ space: slug, modelName: "kestrel-3b", version: "1.0", status: "in_review" });

  // The list filters by status.
  await page.goto(`/s/${slug}/releases?status=in_review`);
  await expect(page.getByRole("list", { name: "Releases" })).toContainText("kestrel-3b 1.0");
  await page.goto(`/s/${slug}/releases?status=published`);
  await expect(page.getByText("No release matches this filter")).toBeVisible();

  // Withdrawing is final: it asks to confirm and why; the page then says who withdrew it, when and why.
  await page.goto(`/s/${slug}/releases/${releaseId}`);
  await page.getByRole("button", { name: "Withdraw", exact: true }).click();
  const confirm = page.getByRole("form", { name: "Withdraw this release" });
  const reason = confirm.getByLabel("Reason for withdrawing");
  await expect(reason).toBeFocused();
  await confirm.getByRole("button", { name: "Withdraw the release" }).click();
  // The message stands under the field (its description) and in the announced summary; the field keeps focus.
  await expect(reason).toHaveAccessibleDescription(/Say why the release is withdrawn; the record keeps the reason\./);
  await expect(confirm.getByRole("alert")).toContainText("Reason for withdrawing: Say why the release is withdrawn; the record keeps the reason.");
  await expect(reason).toHaveAttribute("aria-invalid", "true");
  await expect(reason).toBeFocused();
  await reason.fill("Superseded by kestrel-3b 1.1");
  await confirm.getByRole("button", { name: "Withdraw the release" }).click();
  const withdrawal = page.getByTestId("withdrawal");
  await expect(withdrawal).toContainText(`Withdrawn by Owner${stamp} Tester on ${new Date().toISOString().slice(0, 10)}: Superseded by kestrel-3b 1.1`);
  await expect(page.getByRole("button", { name: "Withdraw", exact: true })).toHaveCount(0);
  await expect(page.getByText("withdrew the release: Superseded by kestrel-3b 1.1")).toBeVisible();
});
