// Page objects for the forms journeys: what a person sees of a form's errors, and screenshots of them.
import { expect, type Locator, type Page } from "@playwright/test";

/** The announced list of problems next to a form's button. */
export const errorSummary = (scope: Page | Locator) => scope.getByRole("alert").filter({ hasText: /needs? fixing|fixing before/ });

/** A field shows its problem: marked invalid, the message as its description (aria-describedby). */
export async function expectFieldError(field: Locator, message: string | RegExp) {
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveAccessibleDescription(typeof message === "string" ? new RegExp(escape(message)) : message);
}

export async function expectFieldFine(field: Locator) {
  await expect(field).not.toHaveAttribute("aria-invalid", "true");
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Light and dark, desktop and 390 px wide, into $E2E_SCREENSHOTS/form-<name>-<scheme>-<width>.png (e.g.
 * E2E_SCREENSHOTS=docs/screenshots); without it nothing is written, so a test run leaves the checkout as it was.
 * The focused field stays where it is (screenshots do not move focus).
 */
export async function screenshotForm(page: Page, name: string) {
  await screenshotViews(page, `form-${name}`);
}

/** The same four views of any page, into $E2E_SCREENSHOTS/<stem>-<scheme>-<width>.png. */
export async function screenshotViews(page: Page, stem: string) {
  const dir = process.env.E2E_SCREENSHOTS;
  if (!dir) return;
  const original = page.viewportSize() ?? { width: 1280, height: 900 };
  for (const colorScheme of ["light", "dark"] as const) {
    for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize(viewport);
      await page.screenshot({ path: `${dir}/${stem}-${colorScheme}-${viewport.width}.png`, fullPage: true, animations: "disabled" });
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize(original);
}
