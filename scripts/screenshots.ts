// Takes the README's screenshots (light and dark) from a running demo instance (`npm start`):
//   npx tsx scripts/screenshots.ts [http://localhost:3000]
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
    for (const shot of pages) {
      const context = await browser.newContext({ colorScheme, viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      if (shot.signedInAs) await signIn(page, shot.signedInAs);
      await page.goto(`${base}${shot.path}`);
      await page.waitForLoadState("networkidle");
      await page.screenshot({ path: `docs/screenshots/${shot.name}-${colorScheme}.png`, fullPage: true });
      await context.close();
      console.log(`docs/screenshots/${shot.name}-${colorScheme}.png`);
    }
  }
  await browser.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
