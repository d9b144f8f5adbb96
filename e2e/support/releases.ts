// Page objects and fixtures for the releases journey.
import { expect, type Page } from "@playwright/test";

export const sampleCard = `---
license: apache-2.0
model_name: kestrel-3b
base_model: mistralai/Mistral-7B-v0.3
datasets:
  - HuggingFaceH4/ultrachat_200k
language:
  - en
  - sw
pipeline_tag: text-generation
tags: [chat, swahili]
---

# Kestrel 3B

A small chat model for English and Swahili. <img src=x onerror="window.__xss=1">
<script>window.__xss=2</script>
`;

const digestOf = (c: string) => `sha256:${c.repeat(64)}`;

export async function createSpaceThroughUi(page: Page, slug: string, name: string) {
  await page.goto("/spaces/new");
  await page.getByLabel("Slug").fill(slug);
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Create space" }).click();
  await page.waitForURL(`**/s/${slug}`);
}

export async function prefillFromCard(page: Page, card: string) {
  await page.getByLabel("Model card (README.md with YAML front matter)").fill(card);
  await page.getByRole("button", { name: "Prefill from model card" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Read from the card" })).toContainText("License: apache-2.0 → Apache-2.0");
}

export async function fillArtifact(page: Page, n: number, a: { name: string; kind: string; digest: string }) {
  await page.getByLabel(`Artifact ${n} name`).fill(a.name);
  await page.getByLabel(`Artifact ${n} kind`).selectOption(a.kind);
  await page.getByLabel(`Artifact ${n} digest`).fill(a.digest);
}

export const threeArtifacts = [
  { name: "model.safetensors", kind: "weights", digest: digestOf("a") },
  { name: "tokenizer.json", kind: "tokenizer", digest: digestOf("b") },
  { name: "config.json", kind: "config", digest: digestOf("c") },
];

export async function includeComponent(page: Page, label: string, license?: string) {
  await page.getByLabel(`Include ${label}`).check();
  if (license !== undefined) await page.getByLabel(`License of ${label}`).fill(license);
}
