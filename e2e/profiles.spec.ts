// People: a person fixes a mistake in their display name, sees it on their profile, and finds it in history.
import { expect, test } from "@playwright/test";
import { errorSummary, expectFieldError, expectFieldFine, screenshotForm } from "./support/forms";
import { signInWithOidc } from "./support/session";
import { apiFor } from "./support/api";

test("renames yourself: an empty name is refused at the field, a real one is saved and shown on your profile", async ({ page }) => {
  const login = `prof${Date.now().toString(36)}`;
  const slug = `people-${Date.now().toString(36)}`;
  await signInWithOidc(page, login);
  await apiFor(page).post("/api/v1/spaces", { slug, name: "People Place", visibility: "public" });

  await page.goto("/settings");
  const field = page.getByLabel("Display name");
  await expect(field).toHaveValue(/Tester$/);
  await field.fill("   ");
  await page.getByRole("button", { name: "Save name" }).click();
  await expectFieldError(field, "Enter the name people should see; it cannot be empty.");
  await expect(errorSummary(page)).toContainText("Display name: Enter the name people should see");
  await expect(field).toBeFocused();
  await screenshotForm(page, "display-name");

  await field.fill("Robin Example");
  await expectFieldFine(field);
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toContainText("People now see you as Robin Example.");
  await expect(page.getByTestId("current-user")).toHaveText("Robin Example");

  await page.getByRole("link", { name: "Your public profile" }).click();
  await expect(page.getByTestId("profile-heading")).toHaveText("Robin Example");
  await expect(page.getByRole("list", { name: "Spaces" })).toContainText("People Place");
  await expect(page.getByTestId("profile-activity")).toContainText("Robin Example created the space “People Place”");

  // The space's history names the person by the new name and links to the same profile.
  await page.goto(`/s/${slug}/history`);
  const profileUrl = new URL(page.url()).origin;
  await page.getByTestId("history-event").getByRole("link", { name: "Robin Example" }).first().click();
  await expect(page).toHaveURL(new RegExp(`^${profileUrl}/u/`));
  await expect(page.getByTestId("profile-heading")).toHaveText("Robin Example");
});

test("a history entry links to what it is about, and so does its permalink", async ({ page }) => {
  await page.goto("/s/lumen/history?type=ballot.cast");
  const entry = page.getByTestId("history-event").first();
  const about = entry.getByTestId("event-subjects").getByRole("link").first();
  await expect(about).toHaveText(/^the decision “/);
  await entry.getByRole("link", { name: /Permalink to event/ }).click();
  const subject = page.getByTestId("event-subjects").getByRole("link").first();
  const title = (await subject.textContent())?.replace(/^the decision “|”$/g, "") ?? "";
  await subject.click();
  await expect(page).toHaveURL(/\/s\/lumen\/decisions\/[A-Za-z0-9_-]+$/);
  await expect(page.getByRole("heading", { name: title, exact: true })).toBeVisible();
});
