// An audit blocks a release and is cleared through the finding lifecycle, each step in the report's history.
import { expect, test } from "./support/fixtures";
import { AuditPage } from "./support/pages/audit-page";
import { digestOf } from "./support/spaces";

test("an auditor's high finding blocks a release until it is mitigated and verified; history shows each step", async ({ people, spaces }) => {
  // Three sign-ins and a dozen page loads: more than the default minute on a loaded machine.
  test.setTimeout(120_000);
  const alice = await people.signIn("alice");
  const bob = await people.signIn("bob");
  const dana = await people.signIn("dana");

  // Alice's space: Bob a steward, Dana an auditor, only a safety audit required, and her release in review.
  const space = await spaces.create(alice, { prefix: "kestrel-audit", name: "Kestrel Models" });
  await space.addMember(bob, "steward");
  await space.addMember(dana, "auditor");
  await space.amendCharter("Only safety audits are required for now", (charter) => {
    charter.audits.requiredCategories = ["safety"];
  });
  const releaseId = await space.releaseInReview({
    modelName: "Kestrel-1B",
    version: "1.0",
    artifacts: [
      { name: "weights", kind: "weights", digest: digestOf("a") },
      { name: "tokenizer", kind: "tokenizer", digest: digestOf("b") },
    ],
  });

  // Dana files a safety report with a high finding.
  const danas = new AuditPage(dana.page);
  const reportPath = await danas.fileReport(space.slug, releaseId, {
    category: "safety",
    verdict: "concerns",
    methodology: "300 prompt-injection attempts through retrieved documents.",
    summary: "Indirect prompt injection overrides the system prompt in **38%** of attempts.",
    findings: [{ title: "Prompt injection bypasses the system prompt", severity: "high", description: "114 of 300 attempts succeeded." }],
  });
  await expect(danas.findingStatus(1)).toHaveText("open");
  // Authors do not review their own reports.
  await expect(danas.acceptButton()).toHaveCount(0);

  // Bob, a steward, accepts the report; the open high finding still blocks the release, and the page says why.
  const bobs = new AuditPage(bob.page);
  await bobs.accept(reportPath, "Method is sound.");
  await expect(bob.page.getByRole("status")).toContainText("the report is now accepted");
  const alices = new AuditPage(alice.page);
  let gate = await alices.gateOf(space.slug, releaseId);
  await expect(gate).toContainText("Blocked by audits: this release cannot go to a vote yet.");
  await expect(gate).toContainText("Finding 'Prompt injection bypasses the system prompt' (high) is open.");
  await expect(gate).toContainText("Mitigate 'Prompt injection bypasses the system prompt' and have a steward or auditor verify it");
  await expect(alices.coverage("safety")).toContainText("accepted");

  // Alice, the release's author, mitigates with evidence.
  await alices.updateFinding(`${reportPath}#finding-1`, 1, "mitigated", "Retrieved text is now wrapped and marked untrusted.", "https://example.org/kestrel/pull/12");
  await expect(alice.page.getByRole("status")).toContainText("Finding 1 is now mitigated");
  gate = await alices.gateOf(space.slug, releaseId);
  await expect(gate).toContainText("is mitigated but not yet verified");

  // Bob verifies; the gate clears.
  await bobs.updateFinding(reportPath, 1, "verified", "Re-ran the suite: 0 of 300 succeed.");
  // A verified finding is final: its controls give way to the status and history.
  await expect(bobs.findingStatus(1)).toHaveText("verified");
  await expect(bobs.moveFinding(1)).toHaveCount(0);
  gate = await alices.gateOf(space.slug, releaseId);
  await expect(gate).toContainText("Audits do not block this release: it can go to a vote.");
  expect((await alice.api.get(`/api/v1/releases/${releaseId}/audits`)).gate).toEqual({ blocked: false, reasons: [], unblockHints: [] });

  // Each step is on the report's history and on the finding's own history.
  await alice.page.goto(reportPath);
  const history = alices.history();
  await expect(history).toContainText(`${dana.name} filed a safety audit report (with concerns) with 1 finding`);
  await expect(history).toContainText(`${bob.name} accepted an audit report: Method is sound.`);
  await expect(history).toContainText(`${alice.name} moved finding 1 “Prompt injection bypasses the system prompt” from open to mitigated with evidence`);
  await expect(history).toContainText(`${bob.name} moved finding 1 “Prompt injection bypasses the system prompt” from mitigated to verified`);
  await expect(alices.findingHistory(1).getByRole("link", { name: "evidence" })).toHaveAttribute("href", "https://example.org/kestrel/pull/12");
  await expect(alices.findingStatus(1)).toHaveText("verified");

  // The findings export follows the documented format.
  const exported = await alice.api.get(`/api${reportPath.replace(space.path(), "/v1")}/findings.json`);
  expect(exported).toMatchObject({ format: "commonweights.findings/v1", findings: [{ number: 1, severity: "high", status: "verified" }] });
});
