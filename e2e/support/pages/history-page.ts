// /s/<slug>/history: the timeline, its filters, permalinks and the log download.
import type { Download, Page } from "@playwright/test";

export class HistoryPage {
  constructor(private readonly page: Page) {}

  readonly timeline = () => this.page.getByRole("list", { name: "History" });
  readonly events = () => this.page.getByTestId("history-event");

  async goto(slug: string) {
    await this.page.goto(`/s/${slug}/history`);
  }

  async filter(filters: { type?: string; search?: string }) {
    if (filters.type !== undefined) await this.page.getByLabel("Event type").fill(filters.type);
    if (filters.search !== undefined) await this.page.getByLabel("Search").fill(filters.search);
    await this.page.getByRole("button", { name: "Apply filters" }).click();
  }

  async openPermalink() {
    await this.page.getByRole("link", { name: /Permalink to event #\d+/ }).click();
  }

  async downloadLog(): Promise<Download> {
    const downloading = this.page.waitForEvent("download");
    await this.page.getByRole("link", { name: "Download the log" }).click();
    return downloading;
  }
}
