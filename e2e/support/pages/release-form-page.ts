// /s/<slug>/releases/new and …/edit: the release form, with the model card prefill.
import { expect, type Page } from "@playwright/test";

export type ArtifactFields = { name: string; kind: string; digest: string };

export class ReleaseFormPage {
  constructor(private readonly page: Page) {}

  readonly field = (label: string) => this.page.getByLabel(label);
  readonly proposeButton = () => this.page.getByRole("button", { name: "Propose release" });

  async goto(slug: string) {
    await this.page.goto(`/s/${slug}/releases/new`);
  }

  async prefillFromCard(card: string) {
    await this.page.getByLabel("Model card (README.md with YAML front matter)").fill(card);
    await this.page.getByRole("button", { name: "Prefill from model card" }).click();
    await expect(this.page.getByRole("status").filter({ hasText: "Read from the card" })).toContainText("License: apache-2.0 → Apache-2.0");
  }

  async addArtifact() {
    await this.page.getByRole("button", { name: "Add artifact" }).click();
  }

  async fillArtifact(n: number, a: ArtifactFields) {
    await this.page.getByLabel(`Artifact ${n} name`).fill(a.name);
    await this.page.getByLabel(`Artifact ${n} kind`).selectOption(a.kind);
    await this.page.getByLabel(`Artifact ${n} digest`).fill(a.digest);
  }

  async includeComponent(label: string, license?: string) {
    await this.page.getByLabel(`Include ${label}`).check();
    if (license !== undefined) await this.page.getByLabel(`License of ${label}`).fill(license);
  }

  /** Proposes the release and waits for its page; returns the release's id. */
  async propose(slug: string) {
    await this.proposeButton().click();
    await this.page.waitForURL(new RegExp(`/s/${slug}/releases/(?!new)[^/]+$`));
    return this.page.url().split("/").pop()!;
  }
}
