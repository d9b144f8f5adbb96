// Takes the README's screenshots (light and dark, desktop and 390 px "-mobile") from a running demo
// instance (`npm start`):
//   npx tsx scripts/screenshots.ts [http://localhost:3000]
// EXTRA_PAGES="name=/path,..." adds pages (signed in as Chen Wei); ONLY="name,..." takes just those.
import { chromium, type Page } from "@playwright/test";

const base = process.argv[2] ?? "http://localhost:3000";
const pages: Array<{ name: string; path: string; signedInAs?: string }> = [
  { name: "landing", path: "/" },
  { name: "signin", path: "/signin" },
  { name: "settings", path: "/settings", signedInAs: "Amara Okafor" },
  { name: "space", path: "/s/lumen", signedInAs: "Amara Okafor" },
  { name: "members", path: "/s/lumen/members", signedInAs: "Amara Okafor" },
  { name: "charter", path: "/s/lumen/charter", signedInAs: "Chen Wei" },
  ...(process.env.EXTRA_PAGES ?? "")
    .split(",")
    .filter(Boolean)
    .map((entry) => {
      const [name, path] = entry.split("=");
      return { name: name!, path: path!, signedInAs: "Chen Wei" };
    }),
];

const only = (process.env.ONLY ?? "").split(",").filter(Boolean);
const viewports = [
  { suffix: "", viewport: { width: 1280, height: 900 } },
  { suffix: "-mobile", viewport: { width: 390, height: 844 } },
];

async function signIn(page: Page, name: string) {
  await page.goto(`${base}/signin`);
  await page.getByRole("button", { name: new RegExp(name) }).click();
  await page.waitForURL(`${base}/`);
}

async function main() {
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
  for (const colorScheme of ["light", "dark"] as const) {
    for (const { suffix, viewport } of viewports) {
      for (const shot of pages.filter((p) => only.length === 0 || only.includes(p.name))) {
        const context = await browser.newContext({ colorScheme, viewport });
        const page = await context.newPage();
        if (shot.signedInAs) await signIn(page, shot.signedInAs);
        await page.goto(`${base}${shot.path}`);
        await page.waitForLoadState("networkidle");
        const file = `docs/screenshots/${shot.name}-${colorScheme}${suffix}.png`;
        await page.screenshot({ path: file, fullPage: true });
        await context.close();
        console.log(file);
      }
    }
  }
  await browser.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
