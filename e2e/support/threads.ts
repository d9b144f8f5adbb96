// Page objects for threads: comment (with an @mention picked from the suggestions), reply, hide and redact a comment;
// and page screenshots in light and dark, desktop and 390 px, when E2E_SCREENSHOTS names a folder.
import { expect, type Locator, type Page } from "@playwright/test";

export const commentBy = (page: Page, name: string, text: string | RegExp): Locator =>
  page.getByRole("article", { name: `Comment by ${name}` }).filter({ hasText: text });

/** Types the text; where it holds "{@Partial|Full Name}", types "@Partial" and picks "@Full Name" from the suggestions. */
async function write(page: Page, field: Locator, text: string) {
  const mention = /\{@([^|}]+)\|([^}]+)\}/.exec(text);
  if (!mention) return field.fill(text);
  const [whole, partial, full] = mention as unknown as [string, string, string];
  const before = text.slice(0, mention.index);
  await field.fill(`${before}@${partial}`);
  await page.getByRole("list", { name: "Members to mention" }).getByRole("button", { name: `@${full}` }).click();
  await field.press("End");
  await field.pressSequentially(text.slice(mention.index + whole.length).replace(/^ /, ""));
}

/** Posts through the form named `label` ("Add a comment" is the page's own thread; a concern's is "Comment on this concern"). */
export async function comment(page: Page, text: string, label = "Add a comment") {
  const form = page.getByRole("form", { name: label });
  await write(page, form.getByRole("textbox", { name: label }), text);
  await form.getByRole("button", { name: "Comment" }).click();
  await expect(form.getByRole("textbox")).toHaveValue("");
}

export async function reply(page: Page, to: Locator, author: string, text: string) {
  await to.getByRole("button", { name: "Reply" }).click();
  const form = page.getByRole("form", { name: `Reply to ${author}` });
  await write(page, form.getByRole("textbox"), text);
  await form.getByRole("button", { name: "Reply" }).click();
  await expect(form).toHaveCount(0);
}

/** Hide or Redact: the confirmation asks a reason, which the record keeps. */
export async function moderate(item: Locator, step: "Hide" | "Redact", reason: string) {
  await item.getByRole("button", { name: step }).click();
  await item.getByRole("textbox", { name: step === "Hide" ? "Why hide it" : "Why redact it" }).fill(reason);
  await item.getByRole("button", { name: step }).click();
}

export async function screenshotPage(page: Page, name: string) {
  const dir = process.env.E2E_SCREENSHOTS;
  if (!dir) return;
  const original = page.viewportSize() ?? { width: 1280, height: 900 };
  for (const colorScheme of ["light", "dark"] as const) {
    for (const viewport of [{ width: 1280, height: 900, suffix: "" }, { width: 390, height: 844, suffix: "-mobile" }]) {
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize(viewport);
      await page.screenshot({ path: `${dir}/${name}-${colorScheme}${viewport.suffix}.png`, fullPage: true, animations: "disabled" });
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize(original);
}
