// The demo space's archive: exported in one snapshot, verified offline, and every kind of bad archive refused.
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@/prisma/seed-demo";
import { archiveText, verdict } from "@/test/integration/archive/archive-support";

let text: string;

beforeAll(async () => {
  await seedDemo();
  text = await archiveText("lumen");
});

describe("the demo space's archive", () => {
  it("verifies: manifest, record, checkpoints and every row against its event", async () => {
    const outcome = await verdict(text);
    if (!outcome.ok) throw new Error(outcome.reason);
    expect(outcome.summary).toMatch(/^OK: archive of lumen/);
    expect(outcome.rows.releases.length).toBe(4);
  });
});
