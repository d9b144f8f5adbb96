// The demo a newcomer sees after `npm start`: the whole seed, run once, tells a consistent story.
import { currentVersion } from "@/lib/record/events/catalog";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { auditGateForRelease } from "@/lib/audits/release-gate";
import { listSubjectConcerns } from "@/lib/concerns/use-cases/list-concerns";
import { decisionDetail } from "@/lib/decisions/use-cases/decision-detail";
import { opennessOf } from "@/lib/releases/present";
import { releaseManifest } from "@/lib/releases/use-cases/release-manifest";
import { seedDemo } from "@/prisma/seed-demo";
import Ajv2020 from "ajv/dist/2020";
import { eventsJsonSchema } from "@/lib/record/events/json-schema";
import { exportStream } from "@/lib/history/use-cases/export-stream";
import { spaceFeed } from "@/lib/history/use-cases/space-feed";
import { spaceHistory } from "@/lib/history/use-cases/space-history";
import { describeEvent } from "@/lib/record/describe";
import { ExportVerifier } from "@/lib/record/verify-export";

let demo: Awaited<ReturnType<typeof seedDemo>>;

beforeAll(async () => {
  demo = await seedDemo();
});

describe("the demo seed", () => {
  it("has lumen-7b 1.0/1.1 published, 2.0 voting with pinned links, 13b 0.9 in review", async () => {
    const { releases } = demo.ctx;
    expect(Object.keys(releases).sort()).toEqual(["lumen-13b@0.9", "lumen-7b@1.0", "lumen-7b@1.1", "lumen-7b@2.0"]);
    const rows = await db.release.findMany({ where: { spaceId: demo.ctx.spaceId }, include: { components: true, links: true, artifacts: true } });
    const byKey = (key: string) => rows.find((r) => r.id === releases[key])!;
    expect(byKey("lumen-7b@1.0").status).toBe("published");
    expect(opennessOf(byKey("lumen-7b@1.0").components).class).toBe(2);
    expect(byKey("lumen-7b@1.1")).toMatchObject({ status: "published", previousReleaseId: releases["lumen-7b@1.0"] });
    const v2 = byKey("lumen-7b@2.0");
    expect(v2.status).toBe("voting");
    expect(v2.votedDigests).toEqual(v2.artifacts.map((a) => a.digest).sort());
    expect(v2.links.every((l) => l.pinned)).toBe(true);
    expect(v2.artifacts.map((a) => a.name).sort()).toEqual(["config.json", "model.safetensors", "tokenizer.json"]);
    expect(byKey("lumen-13b@0.9").status).toBe("in_review");
    expect(await db.governanceEvent.count({ where: { spaceId: demo.ctx.spaceId, type: "release.proposed" } })).toBe(4);
    const manifest = await releaseManifest(null, releases["lumen-7b@1.0"]!);
    expect(manifest.record.publication?.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("clears lumen-7b 2.0 of audit blockers and blocks 13b 0.9 on the open prompt-injection finding", async () => {
    expect(await auditGateForRelease(demo.ctx.releases["lumen-7b@2.0"]!)).toMatchObject({ blocked: false });
    const blocked = await auditGateForRelease(demo.ctx.releases["lumen-13b@0.9"]!);
    expect(blocked.blocked).toBe(true);
    expect(blocked.reasons.map((r) => r.message)).toContain("Finding 'Prompt injection bypasses the system prompt' (high) is open.");
  });

  it("tells of a concern raised on lumen-13b 0.9 while in review and resolved by the steward who raised it", async () => {
    const view = await listSubjectConcerns(null, { on: "release", subjectId: demo.ctx.releases["lumen-13b@0.9"]! });
    expect(view).toMatchObject({ blocks: true, open: 0, blocking: null, raise: { allowed: false, reason: "Sign in to raise a concern." } });
    expect(view.concerns).toHaveLength(1);
    expect(view.concerns[0]).toMatchObject({ id: demo.concerns.concern, title: "Eval set leaks into training data", status: "resolved", raisedBy: { name: "Bruno Ribeiro" }, closedBy: { name: "Bruno Ribeiro" }, comments: 3 });
    const events = await db.governanceEvent.findMany({ where: { spaceId: demo.ctx.spaceId, type: { startsWith: "concern." } }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => [e.type, e.actorId])).toEqual([
      ["concern.raised", demo.ctx.users.bruno],
      ["concern.resolved", demo.ctx.users.bruno],
    ]);
  });

  it("has closed votes with consistent outcomes and an open release vote short of its third binding +1", async () => {
    const release10 = await decisionDetail(null, demo.decisions["release-1.0"]!);
    expect(release10.outcome).toMatchObject({ status: "passed", explanation: "Passed: 3 binding +1, 0 binding -1; 3 needed." });
    const licensing = await decisionDetail(null, demo.decisions["licensing-datasets"]!);
    expect(licensing.outcome).toMatchObject({ status: "passed", winner: "cc-by-4.0" });
    const open = await decisionDetail(null, demo.decisions["release-2.0"]!);
    expect(open.status).toBe("open");
    expect(open.projection).toBe("If it closed now: fails because 2 binding +1, 0 binding -1; 3 needed.");
    expect(open.ballots.find((b) => b.voterId === demo.ctx.users.emil)?.binding).toBe(false);
    const deployment = await decisionDetail(null, demo.decisions["deployment-2.0"]!);
    expect(deployment.subject).toMatchObject({ target: "public inference endpoint" });
  });

  it("spans months of history, recorded in time order", async () => {
    const events = await db.governanceEvent.findMany({ where: { spaceId: demo.ctx.spaceId }, orderBy: { id: "asc" }, select: { createdAt: true } });
    const times = events.map((e) => e.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const days = (events.at(-1)!.createdAt.getTime() - events[0]!.createdAt.getTime()) / 86_400_000;
    expect(days).toBeGreaterThan(150);
    expect(events.length).toBeGreaterThan(40);
  });

  it("names what history entries are about: each ballot the decision it was cast on, each release event its release", async () => {
    const { slug } = await db.space.findUniqueOrThrow({ where: { id: demo.ctx.spaceId }, select: { slug: true } });
    const nameOf = (names: Record<string, string>) => (id: string | null) => (id ? (names[id] ?? "someone") : "the system");
    const ballots = await spaceHistory(null, slug, { type: "ballot.cast" }, { limit: 50 });
    expect(ballots.events.length).toBeGreaterThan(5);
    for (const e of ballots.events) expect(describeEvent(e, nameOf(ballots.names), (id) => ballots.titles[id])).toMatch(/ voted .+ on “.+”/);
    const submitted = await spaceHistory(null, slug, { type: "release.submitted" }, { limit: 50 });
    const sentences = submitted.events.map((e) => describeEvent(e, nameOf(submitted.names), (id) => submitted.titles[id]));
    expect(sentences).toHaveLength(4);
    expect(sentences.some((s) => s.endsWith(" sent the release “lumen-7b 1.0” for review"))).toBe(true);
    expect(sentences.every((s) => / sent the release “lumen-(7b|13b) \d\.\d” for review$/.test(s))).toBe(true);
    const feed = await spaceFeed(null, slug, "https://gov.example.org", new Date());
    expect(feed).toMatch(/<title>[^<]+ voted [^<]+ on “[^<]+”[^<]*<\/title>/);
  });

  it("exports a log whose every event validates against GET /api/v1/events.schema.json, and that verifies", async () => {
    const { slug } = await db.space.findUniqueOrThrow({ where: { id: demo.ctx.spaceId }, select: { slug: true } });
    const text = await new Response(await exportStream(null, slug)).text();
    const lines = text.trimEnd().split("\n");
    const events = lines.slice(0, -1).map((line) => (JSON.parse(line) as { event: Record<string, unknown> }).event);
    expect(events.length).toBe(await db.governanceEvent.count({ where: { spaceId: demo.ctx.spaceId } }));
    const validate = new Ajv2020({ strict: false, validateFormats: false }).compile(eventsJsonSchema());
    const misfits: string[] = [];
    for (const event of events) {
      const fits: boolean = validate(event);
      if (!fits) misfits.push(`${String(event.type)}: ${JSON.stringify(validate.errors?.slice(0, 2))}`);
    }
    expect(misfits).toEqual([]);
    expect(new Set(events.map((e) => e.type)).size).toBeGreaterThan(15);
    // The seed is the app itself acting: every event says so, at the catalog's version of its type.
    expect(events.filter((e) => e.via !== "system" || e.typeVersion !== currentVersion(String(e.type)))).toEqual([]);
    const verifier = new ExportVerifier();
    for (const line of lines) expect(verifier.addLine(line)).toBe(true);
    expect(verifier.finish()).toMatchObject({ ok: true, size: events.length });
  });

  it("tells the conversation: a [DISCUSS] proposal that became the licensing vote, lumen-13b's thread, a hidden spam comment", async () => {
    const proposal = await db.proposal.findUniqueOrThrow({ where: { id: demo.threads.proposal } });
    expect(proposal).toMatchObject({ title: "Relicense the tokenizer under Apache-2.0?", decisionId: demo.decisions["licensing-datasets"] });
    const comments = await db.comment.findMany({ where: { subjectKind: "proposal", subjectId: proposal.id } });
    expect(new Set(comments.map((c) => c.authorId)).size).toBeGreaterThanOrEqual(4);
    const onRelease = await db.comment.findMany({ where: { subjectKind: "release", subjectId: demo.ctx.releases["lumen-13b@0.9"] } });
    expect(onRelease.filter((c) => c.state === "hidden").map((c) => c.hiddenReason)).toEqual(["Spam: an advertisement posted from a compromised account"]);
    // Every seeded text is kept beside its event and opens its commitment; the whole export verified above.
    const versions = await db.commentVersion.findMany({ where: { commentId: { in: [...comments, ...onRelease].map((c) => c.id) } } });
    expect(await db.recordText.count({ where: { eventId: { in: versions.map((v) => v.eventId) } } })).toBe(versions.length);
  });

  it("shows Bruno's CI webhook turned off, with the failed deliveries its loopback address earned", async () => {
    const endpoint = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: demo.webhookId }, include: { deliveries: true } });
    expect(endpoint).toMatchObject({ spaceId: demo.ctx.spaceId, enabled: false, eventTypes: ["decision.closed", "release.approved", "release.published"] });
    expect(endpoint.deliveries.length).toBeGreaterThan(0);
    expect(endpoint.deliveries.every((d) => d.status === "failed" && /loopback address/.test(d.lastError ?? ""))).toBe(true);
    const recorded = await db.governanceEvent.findMany({ where: { spaceId: demo.ctx.spaceId, type: { startsWith: "webhook." } }, orderBy: { id: "asc" } });
    expect(recorded.map((e) => e.type)).toEqual(["webhook.created", "webhook.updated"]);
    expect(JSON.stringify(recorded.map((e) => e.data))).not.toContain(endpoint.secret);
  });
});
