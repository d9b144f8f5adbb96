// The worker's schedule must parse: a crontab graphile-worker refuses stops the whole queue from starting.
import { describe, expect, it } from "vitest";
import { cronItems } from "@/lib/worker/runner";

describe("the digest schedule", () => {
  it("parses, naming the digest task daily and weekly", () => {
    const items = cronItems();
    expect(items.map((item) => [item.task, item.identifier, item.payload])).toEqual([
      ["notify.digest", "digest-daily", { period: "daily" }],
      ["notify.digest", "digest-weekly", { period: "weekly" }],
    ]);
  });
});
