// Three people signed in through OpenID Connect run an Apache release vote and a ranked licensing vote to
// a close (offered only once the outcome cannot change, and confirmed); the release ends approved with the
// winning license, and the history shows every ballot.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { signInWithOidc } from "./support/session";

async function person(browser: Browser, login: string) {
  const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
  const page = await context.newPage();
  await signInWithOidc(page, login);
  return { context, page, name: `${login.charAt(0).toUpperCase()}${login.slice(1)} Tester` };
}

async function api(page: Page, method: "get" | "post" | "put", url: string, data?: unknown) {
  // Writes carry the page's Origin, as the browser's own fetch would: cookie-authenticated API writes need it.
  const headers: Record<string, string> = method === "get" ? {} : { origin: new URL(page.url()).origin };
  const response = await page.request[method](url, data === undefined ? { headers } : { data, headers });
  const body = await response.json();
  expect(response.ok(), `${method.toUpperCase()} ${url}: ${JSON.stringify(body)}`).toBe(true);
  return body;
}

async function vote(page: Page, url: string, pick: (page: Page) => Promise<void>) {
  await page.goto(url);
  await pick(page);
  await page.getByRole("button", { name: /Cast ballot|Change ballot/ }).click();
  await expect(page.getByTestId("receipt")).toContainText(/[0-9a-f]{64}/);
  // Focus lands on the receipt, not back at the top of the page.
  await expect(page.getByTestId("receipt")).toBeFocused();
}

test("an Apache release vote and a ranked licensing vote, by three people, to a passing close", async ({ browser }) => {
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36);
  const slug = `vote-${stamp}`;
  const alice = await person(browser, `alice${stamp}`);
  const bob = await person(browser, `bob${stamp}`);
  const carol = await person(browser, `carol${stamp}`);

  // Alice creates the space, makes Bob and Carol stewards, and amends the charter: no required audits,
  // early close allowed for release and licensing votes.
  await api(alice.page, "post", "/api/v1/spaces", { slug, name: "Vote Collective", visibility: "public" });
  for (const login of [`bob${stamp}`, `carol${stamp}`]) {
    await api(alice.page, "post", `/api/v1/spaces/${slug}/members`, { email: `${login}@oidc.example.test`, role: "steward" });
  }
  const current = await api(alice.page, "get", `/api/v1/spaces/${slug}/charter`);
  const charter = current.charter;
  charter.audits.requiredCategories = [];
  charter.decisions.release.earlyClose = true;
  charter.decisions.licensing.earlyClose = true;
  await api(alice.page, "put", `/api/v1/spaces/${slug}/charter`, { charter, reason: "Small team: early close, audits optional", basedOnVersion: current.version });

  // A release in review, through the releases API.
  const release = await api(alice.page, "post", `/api/v1/spaces/${slug}/releases`, {
    modelName: "vote-lm",
    version: "1.0",
    artifacts: [{ name: "model.safetensors", kind: "weights", digest: `sha256:${"ab".repeat(32)}` }],
    components: [{ component: "datasets", included: true, license: "ODbL-1.0" }],
  });
  await api(alice.page, "post", `/api/v1/releases/${release.id}/transitions`, { to: "in_review" });

  // Alice opens the release vote from the form.
  await alice.page.goto(`/s/${slug}/decisions/new?releaseId=${release.id}`);
  await alice.page.getByLabel("Title").fill("Release vote-lm 1.0");
  await alice.page.getByLabel("Question and context (markdown)").fill("Approve **vote-lm 1.0**?");
  await alice.page.getByRole("button", { name: "Open decision" }).click();
  await alice.page.waitForURL(new RegExp(`/s/${slug}/decisions/[a-z0-9-]+$`));
  const releaseVoteUrl = new URL(alice.page.url()).pathname;
  await expect(alice.page.getByTestId("projection")).toContainText("If it closed now: fails because 0 binding +1");

  // Three binding +1; Alice's page updates by itself.
  const plusOne = (page: Page) => page.getByLabel("+1 (approve)").check();
  await vote(alice.page, releaseVoteUrl, plusOne);
  await vote(bob.page, releaseVoteUrl, plusOne);
  // With 2 of 3 +1 in and Carol still to vote the outcome could change, so there is no "Close now" yet.
  await expect(alice.page.getByTestId("early-close-reason")).toContainText("1 binding voter can still vote; the outcome could still change.", { timeout: 15_000 });
  await expect(alice.page.getByRole("button", { name: "Close now" })).toHaveCount(0);
  await vote(carol.page, releaseVoteUrl, plusOne);
  await expect(alice.page.getByTestId("projection")).toContainText("If it closed now: passes because 3 binding +1, 0 binding -1; 3 needed.", { timeout: 15_000 });

  await alice.page.getByRole("button", { name: "Close now" }).click();
  await expect(alice.page.getByTestId("close-confirmation")).toContainText(
    "Close now? Ballots cast so far count as they stand; nobody can change theirs after this. Outcome: passes because 3 binding +1, 0 binding -1; 3 needed.",
  );
  await alice.page.getByRole("button", { name: "Yes, close the vote" }).click();
  await expect(alice.page.getByTestId("decision-outcome")).toContainText("Passed: 3 binding +1, 0 binding -1; 3 needed.");
  await expect(alice.page.getByTestId("decision-outcome")).toContainText("The release is approved.");

  // The licensing vote for the datasets: ranked choice (instant runoff).
  await alice.page.goto(`/s/${slug}/decisions/new?releaseId=${release.id}`);
  await alice.page.getByLabel("Kind").selectOption("licensing");
  await alice.page.getByLabel("Voting method").selectOption("irv");
  await alice.page.getByLabel("Title").fill("License of the datasets");
  await alice.page.getByLabel("Options, one per line").fill("CC-BY-4.0\nCDLA-Permissive-2.0\nODbL-1.0");
  await alice.page.getByLabel("Component").selectOption("datasets");
  await alice.page.getByRole("button", { name: "Open decision" }).click();
  await alice.page.waitForURL(new RegExp(`/s/${slug}/decisions/[a-z0-9-]+$`));
  const licensingUrl = new URL(alice.page.url()).pathname;
  expect(licensingUrl).not.toBe(releaseVoteUrl);

  const rank = (order: string[]) => async (page: Page) => {
    for (const [index, label] of order.entries()) await page.getByLabel(`Rank of ${label}`).selectOption(String(index + 1));
  };
  await vote(alice.page, licensingUrl, rank(["CC-BY-4.0", "CDLA-Permissive-2.0"]));
  await vote(bob.page, licensingUrl, rank(["CDLA-Permissive-2.0", "CC-BY-4.0"]));
  await vote(carol.page, licensingUrl, rank(["ODbL-1.0", "CC-BY-4.0"]));
  await alice.page.reload();
  await alice.page.getByRole("button", { name: "Close now" }).click();
  await expect(alice.page.getByTestId("close-confirmation")).toContainText('Outcome: passes because "CC-BY-4.0" won in round 2');
  await alice.page.getByRole("button", { name: "Yes, close the vote" }).click();
  await expect(alice.page.getByTestId("decision-outcome")).toContainText('Passed: "CC-BY-4.0" won in round 2');
  await expect(alice.page.getByTestId("decision-outcome")).toContainText("The license of the datasets component is now CC-BY-4.0.");

  // The release is approved, with the winning license.
  const after = await api(alice.page, "get", `/api/v1/releases/${release.id}`);
  expect(after.status).toBe("approved");
  expect(after.components.find((c: { component: string }) => c.component === "datasets")?.license).toBe("CC-BY-4.0");
  await alice.page.goto(`/s/${slug}/releases/${release.id}`);
  await expect(alice.page.getByText("CC-BY-4.0").first()).toBeVisible();
  await expect(alice.page.getByText(/approved/i).first()).toBeVisible();

  // The history shows every ballot and both closes.
  await carol.page.goto(`/s/${slug}/history`);
  for (const who of [alice.name, bob.name, carol.name]) {
    await expect(carol.page.getByText(`${who} voted +1`)).toBeVisible();
  }
  await expect(carol.page.getByText(/voted CC-BY-4.0|voted cc-by-4.0/).first()).toBeVisible();
  await expect(carol.page.getByText(`${alice.name} closed the decision “Release vote-lm 1.0” early: Passed: 3 binding +1`)).toBeVisible();
  await expect(carol.page.getByText(`${alice.name} closed the decision “License of the datasets” early: Passed: "CC-BY-4.0"`)).toBeVisible();

  for (const p of [alice, bob, carol]) await p.context.close();
});
