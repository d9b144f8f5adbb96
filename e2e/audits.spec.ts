// An audit blocks a release and is cleared through the finding lifecycle, each step in the report's history.
import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import pg from "pg";
import { signInWithOidc } from "./support/session";

async function person(browser: Browser, login: string) {
  const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
  const page = await context.newPage();
  await signInWithOidc(page, login);
  return { context, page };
}

/** Test-only: the release rows, written directly (the releases module owns their real creation). */
async function createReleaseRows(slug: string, authorEmail: string) {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    const space = await client.query<{ id: string }>("SELECT id FROM spaces WHERE slug = $1", [slug]);
    const author = await client.query<{ id: string }>("SELECT id FROM users WHERE email = $1", [authorEmail]);
    const releaseId = `rel${randomUUID().replace(/-/g, "").slice(0, 20)}`;
    await client.query(
      "INSERT INTO releases (id, space_id, model_name, version, status, created_by_id, updated_at) VALUES ($1, $2, 'Kestrel-1B', '1.0', 'in_review', $3, now())",
      [releaseId, space.rows[0]!.id, author.rows[0]!.id],
    );
    for (const [name, kind, c] of [["weights", "weights", "a"], ["tokenizer", "tokenizer", "b"]] as const) {
      await client.query("INSERT INTO artifacts (id, release_id, name, kind, digest) VALUES ($1, $2, $3, $4, $5)", [
        `art${randomUUID().replace(/-/g, "").slice(0, 20)}`,
        releaseId,
        name,
        kind,
        `sha256:${c.repeat(64)}`,
      ]);
    }
    return releaseId;
  } finally {
    await client.end();
  }
}

async function gateOf(page: Page, slug: string, releaseId: string) {
  await page.goto(`/s/${slug}/audits?release=${releaseId}`);
  return page.getByTestId("audit-gate");
}

test("an auditor's high finding blocks a release until it is mitigated and verified; history shows each step", async ({ browser }) => {
  const stamp = Date.now().toString(36);
  const slug = `kestrel-audit-${stamp}`;
  const alice = await person(browser, `alice${stamp}`);
  const bob = await person(browser, `bob${stamp}`);
  const dana = await person(browser, `dana${stamp}`);

  // Alice creates the space, makes Bob a steward and Dana an auditor, and requires only a safety audit.
  await alice.page.goto("/spaces/new");
  await alice.page.getByLabel("Slug").fill(slug);
  await alice.page.getByLabel("Name").fill("Kestrel Models");
  await alice.page.getByRole("button", { name: "Create space" }).click();
  await alice.page.waitForURL(`**/s/${slug}`);
  // The page's own origin, as a browser's fetch would send it: cookie-authenticated API writes need it.
  const sameOrigin = { origin: new URL(alice.page.url()).origin };
  for (const [login, role] of [[`bob${stamp}`, "steward"], [`dana${stamp}`, "auditor"]]) {
    const added = await alice.page.request.post(`/api/v1/spaces/${slug}/members`, { data: { email: `${login}@oidc.example.test`, role }, headers: sameOrigin });
    expect(added.status()).toBe(201);
  }
  const { charter } = await (await alice.page.request.get(`/api/v1/spaces/${slug}/charter`)).json();
  charter.audits.requiredCategories = ["safety"];
  const amended = await alice.page.request.put(`/api/v1/spaces/${slug}/charter`, { data: { charter, reason: "Only safety audits are required for now" }, headers: sameOrigin });
  expect(amended.status()).toBe(200);
  const releaseId = await createReleaseRows(slug, `alice${stamp}@oidc.example.test`);

  // Dana files a safety report with a high finding.
  await dana.page.goto(`/s/${slug}/audits?release=${releaseId}`);
  await dana.page.getByRole("link", { name: "File an audit report" }).click();
  await dana.page.waitForURL(`**/s/${slug}/audits/new?release=${releaseId}`);
  await dana.page.getByLabel("Category").selectOption("safety");
  await dana.page.getByLabel("Verdict").selectOption("concerns");
  await dana.page.getByLabel("Methodology").fill("300 prompt-injection attempts through retrieved documents.");
  await dana.page.getByLabel("Summary (markdown)").fill("Indirect prompt injection overrides the system prompt in **38%** of attempts.");
  await dana.page.getByRole("button", { name: "Add a finding" }).click();
  await dana.page.getByLabel("Finding 1 title").fill("Prompt injection bypasses the system prompt");
  await dana.page.getByLabel("Finding 1 severity").selectOption("high");
  await dana.page.getByLabel("Finding 1 description").fill("114 of 300 attempts succeeded.");
  await dana.page.getByRole("button", { name: "File the report" }).click();
  await dana.page.waitForURL(new RegExp(`/s/${slug}/audits/(?!new)\\w+$`));
  const reportUrl = new URL(dana.page.url()).pathname;
  await expect(dana.page.getByTestId("finding-1-status")).toHaveText("open");
  // Authors do not review their own reports.
  await expect(dana.page.getByRole("button", { name: "Accept report" })).toHaveCount(0);

  // Bob, a steward, accepts the report; the open high finding still blocks the release, and the page says why.
  await bob.page.goto(reportUrl);
  await bob.page.getByLabel("Review comment").fill("Method is sound.");
  await bob.page.getByRole("button", { name: "Accept report" }).click();
  await expect(bob.page.getByRole("status")).toContainText("the report is now accepted");
  let gate = await gateOf(alice.page, slug, releaseId);
  await expect(gate).toContainText("Blocked by audits: this release cannot go to a vote yet.");
  await expect(gate).toContainText("Finding 'Prompt injection bypasses the system prompt' (high) is open.");
  await expect(gate).toContainText("Mitigate 'Prompt injection bypasses the system prompt' and have a steward or auditor verify it");
  await expect(alice.page.getByTestId("coverage-safety")).toContainText("accepted");

  // Alice, the release's author, mitigates with evidence.
  await alice.page.goto(`${reportUrl}#finding-1`);
  await alice.page.getByLabel("Move finding 1 to").selectOption("mitigated");
  await alice.page.getByLabel("Note for finding 1").fill("Retrieved text is now wrapped and marked untrusted.");
  await alice.page.getByLabel("Evidence URL for finding 1").fill("https://example.org/kestrel/pull/12");
  await alice.page.getByRole("button", { name: "Update finding 1" }).click();
  await expect(alice.page.getByRole("status")).toContainText("Finding 1 is now mitigated");
  gate = await gateOf(alice.page, slug, releaseId);
  await expect(gate).toContainText("is mitigated but not yet verified");

  // Bob verifies; the gate clears.
  await bob.page.goto(reportUrl);
  await bob.page.getByLabel("Move finding 1 to").selectOption("verified");
  await bob.page.getByLabel("Note for finding 1").fill("Re-ran the suite: 0 of 300 succeed.");
  await bob.page.getByRole("button", { name: "Update finding 1" }).click();
  // A verified finding is final: its controls give way to the status and history.
  await expect(bob.page.getByTestId("finding-1-status")).toHaveText("verified");
  await expect(bob.page.getByLabel("Move finding 1 to")).toHaveCount(0);
  gate = await gateOf(alice.page, slug, releaseId);
  await expect(gate).toContainText("Audits do not block this release: it can go to a vote.");
  const api = await alice.page.request.get(`/api/v1/releases/${releaseId}/audits`);
  expect((await api.json()).gate).toEqual({ blocked: false, reasons: [], unblockHints: [] });

  // Each step is on the report's history and on the finding's own history.
  await alice.page.goto(reportUrl);
  const history = alice.page.getByRole("list", { name: "History of this item" });
  await expect(history).toContainText(`Dana${stamp} Tester filed a safety audit report (with concerns) with 1 finding`);
  await expect(history).toContainText(`Bob${stamp} Tester accepted an audit report: Method is sound.`);
  await expect(history).toContainText(`Alice${stamp} Tester moved finding 1 “Prompt injection bypasses the system prompt” from open to mitigated with evidence`);
  await expect(history).toContainText(`Bob${stamp} Tester moved finding 1 “Prompt injection bypasses the system prompt” from mitigated to verified`);
  const findingHistory = alice.page.getByRole("list", { name: "History of finding 1" });
  await expect(findingHistory.getByRole("link", { name: "evidence" })).toHaveAttribute("href", "https://example.org/kestrel/pull/12");
  await expect(alice.page.getByTestId("finding-1-status")).toHaveText("verified");

  // The findings export follows the documented format.
  const exported = await (await alice.page.request.get(`/api${reportUrl.replace(`/s/${slug}`, "/v1")}/findings.json`)).json();
  expect(exported).toMatchObject({ format: "commonweights.findings/v1", findings: [{ number: 1, severity: "high", status: "verified" }] });

  await Promise.all([alice.context.close(), bob.context.close(), dana.context.close()]);
});
