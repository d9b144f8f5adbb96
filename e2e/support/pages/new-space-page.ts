// /spaces/new: the form a signed-in person creates a space with.
import type { Page } from "@playwright/test";

export class NewSpacePage {
  constructor(private readonly page: Page) {}

  readonly slug = () => this.page.getByLabel("Slug");
  readonly name = () => this.page.getByLabel("Name");
  readonly description = () => this.page.getByLabel("Description");
  readonly privateChoice = () => this.page.getByLabel("Private: only members know it exists");
  readonly createButton = () => this.page.getByRole("button", { name: "Create space" });

  async goto() {
    await this.page.goto("/spaces/new");
  }

  /** Fills the form and creates the space, landing on its page. */
  async create(space: { slug: string; name: string; description?: string; private?: boolean }) {
    await this.goto();
    await this.slug().fill(space.slug);
    await this.name().fill(space.name);
    if (space.description !== undefined) await this.description().fill(space.description);
    if (space.private) await this.privateChoice().check();
    await this.createButton().click();
    await this.page.waitForURL(`**/s/${space.slug}`);
  }
}
