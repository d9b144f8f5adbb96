import { spawnSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { signInWithOidc } from "./support/session";

test("browse a space's history, filter it, open a permalink, download the log and verify it offline", async ({ page }) => {
  const stamp = Date.now().toString(36);
  const slug = `ledger-${stamp}`;
  await signInWithOidc(page, `hana${stamp}`);

  await page.goto("/spaces/new");
  await page.getByLabel("Slug").fill(slug);
  await page.getByLabel("Name").fill("Ledger Models");
  await page.getByLabel("Description").fill("A space to watch the record.");
  await page.getByRole("button", { name: "Create space" }).click();
  await page.waitForURL(`**/s/${slug}`);

  // The timeline reads in plain language, with a permalink per event.
  await page.goto(`/s/${slug}/history`);
  const timeline = page.getByRole("list", { name: "History" });
  await expect(timeline.getByText(`Hana${stamp} Tester created the space “Ledger Models”`)).toBeVisible();

  // Filters: a type that matches nothing, then one that matches.
  await page.getByLabel("Event type").fill("ballot");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByText("No events match these filters")).toBeVisible();
  await page.getByLabel("Event type").fill("space.created");
  await page.getByLabel("Search").fill("Ledger");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/type=space\.created/);
  await expect(page.getByTestId("history-event")).toHaveCount(1);

  // The permalink shows the content, hashes, and its verified inclusion in the latest checkpoint.
  await page.getByRole("link", { name: /Permalink to event #\d+/ }).click();
  await expect(page.getByRole("heading", { name: /Event #\d+/ })).toBeVisible();
  await expect(page.getByTestId("inclusion-result")).toContainText("Included in the latest signed checkpoint");
  await expect(page.getByText('"type":"space.created"')).toBeVisible();

  // Download the whole log and check it with the offline verifier.
  await page.goto(`/s/${slug}/history`);
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download the log" }).click();
  const download = await downloading;
  const file = path.join(os.tmpdir(), `${slug}-events.ndjson`);
  await download.saveAs(file);
  const keyResponse = await page.request.get("/.well-known/commonweights.json");
  const { publicKey } = (await keyResponse.json()) as { publicKey: string };
  const run = spawnSync("node_modules/.bin/tsx", ["scripts/verify.ts", file, "--key", publicKey], { encoding: "utf8" });
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  expect(run.stdout).toMatch(/^OK: \d+ events verified/);
});
