// A space's history: the timeline in plain language, its filters and permalinks, and the downloadable log
// that the offline verifier checks.
import { spawnSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { expect, test } from "./support/fixtures";
import { HistoryPage } from "./support/pages/history-page";
import { NewSpacePage } from "./support/pages/new-space-page";

test("browse a space's history, filter it, and open a permalink with its verified inclusion", async ({ people, unique }) => {
  const hana = await people.signIn("hana");
  const slug = `ledger-${unique}`;
  await new NewSpacePage(hana.page).create({ slug, name: "Ledger Models", description: "A space to watch the record." });

  // The timeline reads in plain language, with a permalink per event.
  const history = new HistoryPage(hana.page);
  await history.goto(slug);
  await expect(history.timeline().getByText(`${hana.name} created the space “Ledger Models”`)).toBeVisible();

  // Filters: a type that matches nothing, then one that matches.
  await history.filter({ type: "ballot" });
  await expect(hana.page.getByText("No events match these filters")).toBeVisible();
  await history.filter({ type: "space.created", search: "Ledger" });
  await expect(hana.page).toHaveURL(/type=space\.created/);
  await expect(history.events()).toHaveCount(1);

  // The permalink shows the content, hashes, and its verified inclusion in the latest checkpoint.
  await history.openPermalink();
  await expect(hana.page.getByRole("heading", { name: /Event #\d+/ })).toBeVisible();
  await expect(hana.page.getByTestId("inclusion-result")).toContainText("Included in the latest signed checkpoint");
  await expect(hana.page.getByText('"type":"space.created"')).toBeVisible();
});

test("download a space's log and verify it offline", async ({ people, spaces }) => {
  const hana = await people.signIn("hana");
  const space = await spaces.create(hana, { prefix: "ledger", name: "Ledger Models" });
  const history = new HistoryPage(hana.page);
  await history.goto(space.slug);
  const download = await history.downloadLog();
  const file = path.join(os.tmpdir(), `${space.slug}-events.ndjson`);
  await download.saveAs(file);
  const { publicKey } = (await hana.api.get("/.well-known/commonweights.json")) as { publicKey: string };
  const run = spawnSync("node_modules/.bin/tsx", ["scripts/verify.ts", file, "--key", publicKey], { encoding: "utf8" });
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  expect(run.stdout).toMatch(/^OK: \d+ events verified/);
});
