// Decisions: the form that opens one, and a decision's page with the ballot, projection and early close.
import { expect, type Page } from "@playwright/test";

export class DecisionPage {
  constructor(private readonly page: Page) {}

  readonly projection = () => this.page.getByTestId("projection");
  readonly earlyCloseReason = () => this.page.getByTestId("early-close-reason");
  readonly closeNowButton = () => this.page.getByRole("button", { name: "Close now" });
  readonly closeConfirmation = () => this.page.getByTestId("close-confirmation");
  readonly outcome = () => this.page.getByTestId("decision-outcome");
  readonly receipt = () => this.page.getByTestId("receipt");

  /** Opens a decision from the form (after `fill` fills it in); returns the decision's path. */
  async open(slug: string, query: string, fill: (page: Page) => Promise<void>) {
    await this.page.goto(`/s/${slug}/decisions/new${query}`);
    await fill(this.page);
    await this.page.getByRole("button", { name: "Open decision" }).click();
    // The new decision's own page, not the form's /decisions/new it starts from.
    await this.page.waitForURL(new RegExp(`/s/${slug}/decisions/(?!new$)[a-z0-9-]+$`));
    return new URL(this.page.url()).pathname;
  }

  /** Casts (or changes) a ballot on the decision at `path`: `pick` chooses. */
  async vote(path: string, pick: (page: Page) => Promise<void>) {
    await this.page.goto(path);
    await pick(this.page);
    await this.page.getByRole("button", { name: /Cast ballot|Change ballot/ }).click();
    await expect(this.receipt()).toContainText(/[0-9a-f]{64}/);
    // Focus lands on the receipt, not back at the top of the page.
    await expect(this.receipt()).toBeFocused();
  }

  /** Asks to close now and confirms; the confirmation first says `expected`. */
  async closeNow(expected: string) {
    await this.closeNowButton().click();
    await expect(this.closeConfirmation()).toContainText(expected);
    await this.page.getByRole("button", { name: "Yes, close the vote" }).click();
  }
}

/** Ballot choices for DecisionPage.vote. */
export const plusOne = (page: Page) => page.getByLabel("+1 (approve)").check();
export const rank = (order: string[]) => async (page: Page) => {
  for (const [index, label] of order.entries()) await page.getByLabel(`Rank of ${label}`).selectOption(String(index + 1));
};
