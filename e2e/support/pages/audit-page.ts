// The audits of a space: the release's audit gate, the report form, and a report with its findings.
import type { Page } from "@playwright/test";

export type FindingFields = { title: string; severity: string; description: string };
export type ReportFields = { category: string; verdict: string; methodology: string; summary: string; findings: FindingFields[] };

export class AuditPage {
  constructor(private readonly page: Page) {}

  readonly findingStatus = (n: number) => this.page.getByTestId(`finding-${n}-status`);
  readonly moveFinding = (n: number) => this.page.getByLabel(`Move finding ${n} to`);
  readonly acceptButton = () => this.page.getByRole("button", { name: "Accept report" });
  readonly history = () => this.page.getByRole("list", { name: "History of this item" });
  readonly findingHistory = (n: number) => this.page.getByRole("list", { name: `History of finding ${n}` });
  readonly coverage = (category: string) => this.page.getByTestId(`coverage-${category}`);

  /** The audits of one release, with its gate. */
  async gateOf(slug: string, releaseId: string) {
    await this.page.goto(`/s/${slug}/audits?release=${releaseId}`);
    return this.page.getByTestId("audit-gate");
  }

  /** From the release's audits, files a report; returns the report's path. */
  async fileReport(slug: string, releaseId: string, report: ReportFields) {
    await this.page.goto(`/s/${slug}/audits?release=${releaseId}`);
    await this.page.getByRole("link", { name: "File an audit report" }).click();
    await this.page.waitForURL(`**/s/${slug}/audits/new?release=${releaseId}`);
    await this.page.getByLabel("Category").selectOption(report.category);
    await this.page.getByLabel("Verdict").selectOption(report.verdict);
    await this.page.getByLabel("Methodology").fill(report.methodology);
    await this.page.getByLabel("Summary (markdown)").fill(report.summary);
    for (const [index, finding] of report.findings.entries()) {
      await this.page.getByRole("button", { name: "Add a finding" }).click();
      await this.page.getByLabel(`Finding ${index + 1} title`).fill(finding.title);
      await this.page.getByLabel(`Finding ${index + 1} severity`).selectOption(finding.severity);
      await this.page.getByLabel(`Finding ${index + 1} description`).fill(finding.description);
    }
    await this.page.getByRole("button", { name: "File the report" }).click();
    await this.page.waitForURL(new RegExp(`/s/${slug}/audits/(?!new)\\w+$`));
    return new URL(this.page.url()).pathname;
  }

  async accept(reportPath: string, comment: string) {
    await this.page.goto(reportPath);
    await this.page.getByLabel("Review comment").fill(comment);
    await this.acceptButton().click();
  }

  /** Opens `url` (the report, or its #finding-n) and moves finding `n` to `to`, with a note (and evidence). */
  async updateFinding(url: string, n: number, to: string, note: string, evidence?: string) {
    await this.page.goto(url);
    await this.moveFinding(n).selectOption(to);
    await this.page.getByLabel(`Note for finding ${n}`).fill(note);
    if (evidence !== undefined) await this.page.getByLabel(`Evidence URL for finding ${n}`).fill(evidence);
    await this.page.getByRole("button", { name: `Update finding ${n}` }).click();
  }
}
