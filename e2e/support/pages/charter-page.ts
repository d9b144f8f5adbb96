// /s/<slug>/charter: the charter in plain language, and the amendment form.
import type { Page } from "@playwright/test";

export class CharterPage {
  constructor(private readonly page: Page) {}

  readonly sentence = (kind: string) => this.page.getByTestId(`charter-sentence-${kind}`);
  readonly reason = () => this.page.getByLabel("Reason for this amendment");
  readonly releaseVotes = () => this.page.getByRole("group", { name: "Release votes" });
  readonly amendButton = () => this.page.getByRole("button", { name: "Amend charter" });

  async goto(slug: string) {
    await this.page.goto(`/s/${slug}/charter`);
  }
}
