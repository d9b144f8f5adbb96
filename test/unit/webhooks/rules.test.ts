// Retry schedule, filters, outcomes, ids and payloads of webhook deliveries.
import { describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { attemptOutcome, deliveryIdFor, matchesFilter, MAX_ATTEMPTS, MAX_RETRY_DELAY_MS, retryDelayMs, secretFrom, truncate, webhookPayload } from "@/lib/webhooks/rules";

describe("retryDelayMs", () => {
  it.each([
    [1, 30_000],
    [2, 60_000],
    [3, 120_000],
    [5, 480_000],
  ])("after attempt %i waits %i ms at the middle of the jitter", (attempt, expected) => {
    expect(retryDelayMs(attempt, 0.5)).toBe(expected);
  });

  it("spreads each wait by ±20 %", () => {
    expect(retryDelayMs(1, 0)).toBe(24_000);
    expect(retryDelayMs(1, 0.999_999)).toBeCloseTo(36_000, -1);
    for (let i = 0; i < 200; i++) {
      const delay = retryDelayMs(3, Math.random());
      expect(delay).toBeGreaterThanOrEqual(96_000);
      expect(delay).toBeLessThanOrEqual(144_000);
    }
  });

  it("grows with each attempt and stops at the cap", () => {
    const delays = Array.from({ length: 20 }, (_, i) => retryDelayMs(i + 1, 0.5));
    for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1]!);
    expect(retryDelayMs(40, 0.5)).toBe(MAX_RETRY_DELAY_MS);
    expect(retryDelayMs(40, 0.999_999)).toBeLessThanOrEqual(MAX_RETRY_DELAY_MS * 1.2);
  });

  it("takes the base from the caller (tests use a short one)", () => {
    expect(retryDelayMs(2, 0.5, 100)).toBe(200);
  });
});

describe("matchesFilter", () => {
  it.each([
    [[], "ballot.cast", true],
    [["release.approved"], "release.approved", true],
    [["release.approved"], "release.rejected", false],
    [["decision.opened", "decision.closed"], "decision.closed", true],
  ] as const)("%j takes %s: %s", (types, type, expected) => {
    expect(matchesFilter(types, type)).toBe(expected);
  });
});

describe("attemptOutcome", () => {
  it.each([
    [200, 1, "delivered"],
    [204, 3, "delivered"],
    [410, 1, "gone"],
    [500, 1, "retry"],
    [301, 1, "retry"],
    [null, 1, "retry"],
    [500, MAX_ATTEMPTS - 1, "retry"],
    [500, MAX_ATTEMPTS, "failed"],
    [null, MAX_ATTEMPTS, "failed"],
  ] as const)("status %s on attempt %i -> %s", (status, attempt, expected) => {
    expect(attemptOutcome(status, attempt).kind).toBe(expected);
  });
});

describe("ids, secrets, truncation", () => {
  it("gives one webhook-id per endpoint and event", () => {
    const id = deliveryIdFor("ep1", "0b5e7c1e-0000-4000-8000-000000000001");
    expect(id).toMatch(/^msg_[A-Za-z0-9_-]{27}$/);
    expect(deliveryIdFor("ep1", "0b5e7c1e-0000-4000-8000-000000000001")).toBe(id);
    expect(deliveryIdFor("ep2", "0b5e7c1e-0000-4000-8000-000000000001")).not.toBe(id);
  });

  it("makes whsec_ secrets that the standardwebhooks library signs and verifies with", () => {
    const secret = secretFrom(new Uint8Array(24).fill(7));
    expect(secret).toBe(`whsec_${Buffer.alloc(24, 7).toString("base64")}`);
    const hook = new Webhook(secret);
    const at = new Date();
    const signature = hook.sign("msg_1", at, '{"a":1}');
    expect(hook.verify('{"a":1}', { "webhook-id": "msg_1", "webhook-timestamp": String(Math.floor(at.getTime() / 1000)), "webhook-signature": signature })).toEqual({ a: 1 });
  });

  it("keeps short bodies and cuts long ones, saying how much is left out", () => {
    expect(truncate("ok")).toBe("ok");
    expect(truncate("x".repeat(1005))).toBe(`${"x".repeat(1000)}… (5 more characters)`);
  });
});

describe("webhookPayload", () => {
  const event = {
    eventId: "0b5e7c1e-0000-4000-8000-000000000001",
    type: "decision.opened",
    typeVersion: 1,
    subject: { decisionId: "d1", releaseId: "r1" },
    data: { title: "Ship it" },
    createdAt: new Date("2026-12-02T04:00:00Z"),
    seq: null,
    spaceSlug: "lumen",
  };

  it("is the catalog event with links to its subject, the history and the API", () => {
    expect(webhookPayload(event, "https://cw.example.org")).toEqual({
      id: event.eventId,
      type: "decision.opened",
      typeVersion: 1,
      space: "lumen",
      subject: event.subject,
      data: event.data,
      createdAt: "2026-12-02T04:00:00.000Z",
      links: {
        event: "https://cw.example.org/s/lumen/history",
        subject: "https://cw.example.org/s/lumen/decisions/d1",
        api: "https://cw.example.org/api/v1/spaces/lumen/events",
      },
    });
  });

  it("names its place in the log once sealed", () => {
    const sealed = webhookPayload({ ...event, seq: 12, subject: { releaseId: "r1" } }, "https://cw.example.org");
    expect(sealed.seq).toBe(12);
    expect(sealed.links.api).toBe("https://cw.example.org/api/v1/spaces/lumen/events?after=11&limit=1");
    expect(sealed.links.subject).toBe("https://cw.example.org/s/lumen/releases/r1");
  });
});
