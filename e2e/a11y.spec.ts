// WCAG 2.2 AA on every page type, in light and in dark (the app follows prefers-color-scheme): axe finds
// no violation. Public pages are checked on the seeded Lumen demo (anonymously and signed in); the pages
// only a steward sees are checked on a space that the test's own user creates through the API.
// With E2E_SCREENSHOTS=<folder> it also writes <folder>/<page>-<scheme>[-mobile].png (desktop and 390 px).
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { signInNew } from "./support/people";
import { signInWithOidc } from "./support/session";
import { createSpace, digestOf } from "./support/spaces";

type Check = { name: string; path: string; signedIn: boolean; shot?: string };

const stamp = Date.now().toString(36);
const owner = `a11y${stamp}`;
const slug = `a11y-${stamp}`;
const schemes = ["light", "dark"] as const;
const screenshots = process.env.E2E_SCREENSHOTS;

/** The href of the first link on `path` whose URL matches `pattern`: the seeded demo's ids differ per run. */
async function firstLink(page: Page, path: string, pattern: RegExp, name?: RegExp): Promise<string> {
  await page.goto(path);
  const links = name ? page.getByRole("link", { name }) : page.locator("main a[href]");
  const hrefs = await links.evaluateAll((els) => els.map((el) => el.getAttribute("href") ?? ""));
  const href = hrefs.find((h) => pattern.test(h));
  expect(href, `a link matching ${pattern} on ${path}`).toBeTruthy();
  return href!;
}

/** The steward's own space: a draft release, a release in review with an open vote the owner can cast. */
async function seedOwnSpace(browser: Browser) {
  const steward = await signInNew(browser, owner);
  const { page } = steward;
  const space = await createSpace(steward, { slug, name: "Accessible Models", description: "A space for the accessibility check." });
  const artifacts = [
    { name: "model.safetensors", kind: "weights", digest: digestOf("ab") },
    { name: "tokenizer.json", kind: "tokenizer", digest: digestOf("cd") },
  ];
  const draftId = await space.proposeRelease({ modelName: "wren-1b", version: "0.9", artifacts });
  const reviewId = await space.releaseInReview({ modelName: "wren-1b", version: "1.0", artifacts });
  const vote = await steward.api.post(`/api/v1/spaces/${slug}/decisions`, {
    title: "Adopt the model card template",
    question: "Use the [shared template](https://example.org/template) for every **model card**?",
    kind: "policy",
    hours: 72,
  });

  // The seeded demo: one page of each type, found through its lists.
  const lumenRelease = await firstLink(page, "/s/lumen/releases", /^\/s\/lumen\/releases\/[a-z0-9]+$/);
  const lumenAudit = await firstLink(page, "/s/lumen/audits", /^\/s\/lumen\/audits\/[a-z0-9]+$/);
  const closedDecision = await firstLink(page, "/s/lumen/decisions", /^\/s\/lumen\/decisions\/[a-z0-9]+$/, /Release Lumen-7B 1\.0/);
  const permalink = await firstLink(page, "/s/lumen/history", /^\/s\/lumen\/history\/\d+$/);
  const lumenProposal = await firstLink(page, "/s/lumen/proposals", /^\/s\/lumen\/proposals\/[a-z0-9]+$/);
  const lumenProfile = await firstLink(page, "/s/lumen/members", /^\/u\/[A-Za-z0-9_-]+$/);
  const me = await steward.api.get("/api/v1/me");
  await steward.context.close();
  return { draftId, reviewId, voteId: vote.id as string, lumenRelease, lumenAudit, closedDecision, permalink, lumenProposal, lumenProfile, ownProfile: `/u/${me.id as string}` };
}

function pagesToCheck(seeded: Awaited<ReturnType<typeof seedOwnSpace>>): Check[] {
  const own = `/s/${slug}`;
  return [
    // Anonymous visitors.
    { name: "landing", path: "/", signedIn: false, shot: "landing" },
    { name: "sign-in", path: "/signin", signedIn: false, shot: "signin" },
    { name: "404", path: "/no-such-page", signedIn: false },
    { name: "404 inside a space", path: "/s/lumen/no-such-page", signedIn: false },
    { name: "invitation (invalid link)", path: "/invite/not-a-real-token", signedIn: false },
    { name: "space overview", path: "/s/lumen", signedIn: false },
    { name: "members", path: "/s/lumen/members", signedIn: false },
    { name: "charter", path: "/s/lumen/charter", signedIn: false },
    { name: "releases list", path: "/s/lumen/releases", signedIn: false },
    { name: "release page", path: seeded.lumenRelease, signedIn: false },
    { name: "audits list", path: "/s/lumen/audits", signedIn: false },
    { name: "audit report", path: seeded.lumenAudit, signedIn: false },
    { name: "decisions list", path: "/s/lumen/decisions", signedIn: false },
    { name: "decision (closed)", path: seeded.closedDecision, signedIn: false },
    { name: "history", path: "/s/lumen/history", signedIn: false },
    { name: "proposals list", path: "/s/lumen/proposals", signedIn: false },
    { name: "proposal with its thread", path: seeded.lumenProposal, signedIn: false },
    { name: "history permalink", path: seeded.permalink, signedIn: false },
    { name: "a person's profile", path: seeded.lumenProfile, signedIn: false },
    // Signed in: a visitor to Lumen, and the steward of their own space.
    { name: "account settings", path: "/settings", signedIn: true, shot: "settings" },
    { name: "inbox", path: "/inbox", signedIn: true },
    { name: "notification settings", path: "/settings/notifications", signedIn: true },
    { name: "unsubscribe (incomplete link)", path: "/unsubscribe", signedIn: false },
    { name: "new space", path: "/spaces/new", signedIn: true },
    { name: "space overview (signed in, not a member)", path: "/s/lumen", signedIn: true, shot: "space" },
    { name: "members (signed in)", path: "/s/lumen/members", signedIn: true, shot: "members" },
    { name: "charter (signed in)", path: "/s/lumen/charter", signedIn: true, shot: "charter" },
    { name: "releases list (signed in)", path: "/s/lumen/releases", signedIn: true, shot: "releases" },
    { name: "release page (signed in)", path: seeded.lumenRelease, signedIn: true, shot: "release" },
    { name: "audits list (signed in)", path: "/s/lumen/audits", signedIn: true, shot: "audits" },
    { name: "audit report (signed in)", path: seeded.lumenAudit, signedIn: true, shot: "audit" },
    { name: "decisions list (signed in)", path: "/s/lumen/decisions", signedIn: true, shot: "decisions" },
    { name: "decision, closed (signed in)", path: seeded.closedDecision, signedIn: true, shot: "decision" },
    { name: "history (signed in)", path: "/s/lumen/history", signedIn: true, shot: "history" },
    { name: "history permalink (signed in)", path: seeded.permalink, signedIn: true, shot: "permalink" },
    { name: "own space overview", path: own, signedIn: true },
    { name: "own space settings", path: `${own}/settings`, signedIn: true },
    { name: "own members, as owner", path: `${own}/members`, signedIn: true },
    { name: "own charter, as owner (editor)", path: `${own}/charter`, signedIn: true },
    { name: "new release", path: `${own}/releases/new`, signedIn: true },
    { name: "draft release page", path: `${own}/releases/${seeded.draftId}`, signedIn: true },
    { name: "release edit", path: `${own}/releases/${seeded.draftId}/edit`, signedIn: true },
    { name: "release in review", path: `${own}/releases/${seeded.reviewId}`, signedIn: true },
    { name: "new audit (choose a release)", path: `${own}/audits/new`, signedIn: true },
    { name: "new audit report", path: `${own}/audits/new?release=${seeded.reviewId}`, signedIn: true },
    { name: "new decision", path: `${own}/decisions/new`, signedIn: true },
    { name: "decision (open, with the ballot)", path: `${own}/decisions/${seeded.voteId}`, signedIn: true, shot: "decision-open" },
    { name: "own history", path: `${own}/history`, signedIn: true },
    { name: "proposals list (signed in)", path: "/s/lumen/proposals", signedIn: true, shot: "proposals" },
    { name: "proposal with its thread (signed in)", path: seeded.lumenProposal, signedIn: true },
    { name: "new proposal", path: `${own}/proposals/new`, signedIn: true },
    { name: "a person's profile (signed in)", path: seeded.lumenProfile, signedIn: true, shot: "profile" },
    { name: "own profile", path: seeded.ownProfile, signedIn: true, shot: "own-profile" },
  ];
}

async function violationsOn(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response, path).not.toBeNull();
  await page.waitForLoadState("networkidle");
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  return result.violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")}: ${n.failureSummary?.split("\n").slice(1).join(" ").trim()}`),
  }));
}

let seeded: Awaited<ReturnType<typeof seedOwnSpace>>;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  seeded = await seedOwnSpace(browser);
});

for (const colorScheme of schemes) {
  test.describe(`in ${colorScheme} mode`, () => {
    test.use({ colorScheme });

    for (const signedIn of [false, true]) {
      test(`axe finds no WCAG 2.2 AA violation on any page ${signedIn ? "signed in" : "signed out"}`, async ({ page }) => {
        test.setTimeout(300_000);
        // The scheme really is in force: the app's dark mode is Tailwind's prefers-color-scheme variant.
        await page.goto("/");
        expect(await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches)).toBe(colorScheme === "dark");
        if (signedIn) await signInWithOidc(page, owner);

        const checks = pagesToCheck(seeded).filter((c) => c.signedIn === signedIn);
        for (const check of checks) {
          const violations = await violationsOn(page, check.path);
          expect.soft(violations, `${check.name} (${check.path}) in ${colorScheme} mode`).toEqual([]);
          if (screenshots && check.shot) {
            await page.screenshot({ path: `${screenshots}/${check.shot}-${colorScheme}.png`, fullPage: true });
            await page.setViewportSize({ width: 390, height: 844 });
            await page.screenshot({ path: `${screenshots}/${check.shot}-${colorScheme}-mobile.png`, fullPage: true });
            await page.setViewportSize({ width: 1280, height: 720 });
          }
        }
      });
    }

    test("at 390 px the header keeps Sign out on one line and digests fit with a copy button", async ({ page }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await signInWithOidc(page, owner);
      await page.goto(`/s/${slug}/releases/${seeded.reviewId}`);
      const signOut = page.getByRole("button", { name: "Sign out" });
      const box = await signOut.boundingBox();
      expect(box, "the Sign out button is laid out").not.toBeNull();
      // One line of text in a py-2 button is about 36 px high; wrapped it would be ~56.
      expect(box!.height).toBeLessThan(44);
      expect(box!.x + box!.width).toBeLessThanOrEqual(390);
      const digest = page.getByTestId("artifact-digest").first();
      await expect(digest).toHaveText(`sha256:${"ab".repeat(32)}`);
      await expect(digest).toHaveAttribute("title", `sha256:${"ab".repeat(32)}`);
      const digestBox = await digest.boundingBox();
      expect(digestBox!.height, "the digest stays on one line").toBeLessThan(24);
      const copy = page.getByRole("button", { name: "Copy the digest of model.safetensors" });
      await expect(copy).toBeVisible();
      await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
      await copy.click();
      await expect(page.getByRole("status").filter({ hasText: "Copied" })).toBeAttached();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`sha256:${"ab".repeat(32)}`);
      // The page does not scroll sideways: only the table's own region may.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    });
  });
}

test("times are shown in the viewer's zone, with the exact UTC time on hover", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL, timezoneId: "Asia/Kolkata" });
  const page = await context.newPage();
  await page.goto(seeded.permalink);
  const time = page.locator("main time").first();
  const iso = await time.getAttribute("datetime");
  expect(iso).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  await expect(time).toHaveText(/^\d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d GMT\+5:30$/);
  await expect(time).toHaveAttribute("title", `${iso!.slice(0, 19).replace("T", " ")} UTC`);
  // The local text is the same instant: UTC + 5:30.
  const shifted = new Date(Date.parse(iso!) + 330 * 60_000);
  const hhmm = shifted.toISOString().slice(11, 16);
  await expect(time).toContainText(`${hhmm} GMT+5:30`);
  await context.close();
});

test("the vote form is reached from the top of the page in a few key presses", async ({ page }) => {
  await signInWithOidc(page, owner);
  await page.goto(`/s/${slug}/decisions/${seeded.voteId}`);
  const voteLink = page.getByRole("link", { name: "Vote", exact: true });
  // Past the skip link, the header and the space's tabs, the very next stop is "Vote", before the question's links.
  const stops: string[] = [];
  while (stops.length < 25 && !(await voteLink.evaluate((el) => el === document.activeElement))) {
    await page.keyboard.press("Tab");
    stops.push(await page.evaluate(() => document.activeElement?.closest("nav")?.getAttribute("aria-label") ?? document.activeElement?.textContent?.trim() ?? ""));
  }
  expect(stops.at(-1), "the Vote link is reached").toBe("Vote");
  expect(stops.at(-2), "the stop before Vote is the last of the space's tabs").toBe("Space sections");
  // 16: the header's inbox link and the space's Webhooks tab (for stewards) each added one stop.
  expect(stops.length, "Tab presses to reach the Vote link").toBeLessThanOrEqual(16);
  await page.keyboard.press("Enter");
  await expect(page.locator("#ballot")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("form", { name: "Your ballot" }).getByRole("radio").first()).toBeFocused();
});
