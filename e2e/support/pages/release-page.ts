// /s/<slug>/releases/<id>: a release, its class, artifacts, and the withdraw confirmation.
import type { Page } from "@playwright/test";

export class ReleasePage {
  constructor(private readonly page: Page) {}

  readonly mofClass = () => this.page.getByTestId("mof-class").first();
  readonly missingForNext = () => this.page.getByTestId("missing-for-next");
  readonly artifactRows = () => this.page.getByRole("table", { name: "Artifacts" }).getByRole("row");
  readonly withdrawButton = () => this.page.getByRole("button", { name: "Withdraw", exact: true });
  readonly withdrawForm = () => this.page.getByRole("form", { name: "Withdraw this release" });
  readonly withdrawReason = () => this.withdrawForm().getByLabel("Reason for withdrawing");
  readonly confirmWithdraw = () => this.withdrawForm().getByRole("button", { name: "Withdraw the release" });
  readonly withdrawal = () => this.page.getByTestId("withdrawal");

  async goto(slug: string, id: string) {
    await this.page.goto(`/s/${slug}/releases/${id}`);
  }
}
