// An id of another space, or of a private space the caller cannot see, answers byte for byte like an id that
// never existed: the same status, code and message, through the API and through a space's pages.
import { beforeAll, describe, expect, it, vi } from "vitest";
import * as auditFindings from "@/app/api/v1/audits/[id]/findings.json/route";
import * as auditReviews from "@/app/api/v1/audits/[id]/reviews/route";
import * as audit from "@/app/api/v1/audits/[id]/route";
import * as finding from "@/app/api/v1/findings/[id]/route";
import * as releaseAuditsRoute from "@/app/api/v1/releases/[id]/audits/route";
import * as manifest from "@/app/api/v1/releases/[id]/manifest/route";
import * as release from "@/app/api/v1/releases/[id]/route";
import * as transitions from "@/app/api/v1/releases/[id]/transitions/route";
import type { Actor } from "@/lib/auth/session";
import { fileAuditReport } from "@/lib/audits/use-cases/file-audit-report";
import { moveFinding } from "@/lib/audits/use-cases/move-finding";
import { releaseAudits } from "@/lib/audits/use-cases/release-audits";
import { reviewAuditReport } from "@/lib/audits/use-cases/review-audit-report";
import { viewAuditReport } from "@/lib/audits/use-cases/view-audit-report";
import { viewSpaceAuditReport } from "@/lib/audits/use-cases/view-space-audit-report";
import { db } from "@/lib/db";
import { releasePageData } from "@/lib/releases/page-data";
import { editRelease } from "@/lib/releases/use-cases/edit-release";
import { transitionRelease } from "@/lib/releases/use-cases/transition-release";
import { releaseManifest } from "@/lib/releases/use-cases/release-manifest";
import { viewRelease } from "@/lib/releases/use-cases/view-release";
import { viewSpaceRelease } from "@/lib/releases/use-cases/view-space-release";
import { createToken } from "@/lib/tokens/mutations";
import { auditState, auditWorld, reportInput } from "./support";

// The routes run for real, callers authenticate with real bearer tokens (lib/api/handler reads them from the
// database). Only the cookie-session lookup is replaced: Auth.js cannot load outside Next, and a request
// without an Authorization header and without a session cookie is simply anonymous.
vi.mock("@/lib/auth/session", () => ({ currentActor: async () => null }));

type World = Awaited<ReturnType<typeof auditWorld>>;
type Ids = { release: string; report: string; finding: string };

/** A space with a release, a report on it and a finding, built through the use cases. */
async function spaceWithReport(visibility: "public" | "private") {
  const w = await auditWorld();
  const filed = await fileAuditReport(w.auditor, reportInput(w.release.id, w.digests));
  if (!filed.ok) throw new Error(`setup: ${filed.error.message}`);
  const first = await db.finding.findFirstOrThrow({ where: { reportId: filed.data.reportId }, orderBy: { number: "asc" } });
  if (visibility === "private") await db.space.update({ where: { id: w.space.id }, data: { visibility: "private" } });
  return { w, ids: { release: w.release.id, report: filed.data.reportId, finding: first.id } satisfies Ids };
}

/** Everything the calls below could write in a space: the releases and the audit record. */
async function stateOf(spaceId: string) {
  const releases = await db.release.findMany({ where: { spaceId }, orderBy: { id: "asc" }, select: { id: true, status: true, summary: true, updatedAt: true } });
  return { releases, audits: await auditState(spaceId) };
}

// Ids that look real but were never issued (cuid-shaped, like the real ones).
const madeUp: Ids = { release: "cmnosuchrelease000000000000", report: "cmnosuchreport0000000000000", finding: "cmnosuchfinding000000000000" };

let here: World; // space A: the caller is its owner
let caller: Actor;
let token: string;
let publicOther: Ids; // space B: public, the caller is not a member
let privateOther: Ids; // space C: private, the caller is not a member
let privateSpaceId: string;

beforeAll(async () => {
  here = await auditWorld();
  caller = here.owner;
  token = (await createToken({ userId: caller.id, name: "foreign ids" })).token;
  publicOther = (await spaceWithReport("public")).ids;
  const c = await spaceWithReport("private");
  privateOther = c.ids;
  privateSpaceId = c.w.space.id;
});

type Kind = keyof Ids;
type Endpoint = { name: string; kind: Kind; call: (id: string, headers: HeadersInit) => Promise<Response> };

const json = (method: string, headers: HeadersInit, body?: unknown) =>
  new Request("http://localhost:3000/api/v1/x", {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
const params = (id: string) => ({ params: Promise.resolve({ id }) });

const endpoints: Endpoint[] = [
  { name: "GET /releases/{id}", kind: "release", call: (id, h) => release.GET(json("GET", h), params(id)) },
  { name: "PATCH /releases/{id}", kind: "release", call: (id, h) => release.PATCH(json("PATCH", h, { summary: "Changed from elsewhere" }), params(id)) },
  { name: "POST /releases/{id}/transitions (withdraw)", kind: "release", call: (id, h) => transitions.POST(json("POST", h, { to: "withdrawn", reason: "Not yours" }), params(id)) },
  { name: "POST /releases/{id}/transitions (back to draft)", kind: "release", call: (id, h) => transitions.POST(json("POST", h, { to: "draft" }), params(id)) },
  { name: "GET /releases/{id}/manifest", kind: "release", call: (id, h) => manifest.GET(json("GET", h), params(id)) },
  { name: "GET /releases/{id}/audits", kind: "release", call: (id, h) => releaseAuditsRoute.GET(json("GET", h), params(id)) },
  {
    name: "POST /releases/{id}/audits",
    kind: "release",
    // The release comes from the path; the body may not name it again.
    call: (id, h) => {
      const { releaseId: _inPath, ...body } = reportInput(id, [`sha256:${"a".repeat(64)}`]);
      return releaseAuditsRoute.POST(json("POST", h, body), params(id));
    },
  },
  { name: "GET /audits/{id}", kind: "report", call: (id, h) => audit.GET(json("GET", h), params(id)) },
  { name: "GET /audits/{id}/findings.json", kind: "report", call: (id, h) => auditFindings.GET(json("GET", h), params(id)) },
  { name: "POST /audits/{id}/reviews", kind: "report", call: (id, h) => auditReviews.POST(json("POST", h, { verdict: "accept" }), params(id)) },
  { name: "PATCH /findings/{id}", kind: "finding", call: (id, h) => finding.PATCH(json("PATCH", h, { status: "acknowledged", note: "seen" }), params(id)) },
];

const answer = async (response: Response) => ({ status: response.status, body: await response.text() });

describe("the API answers an id of a private space like a made-up id", () => {
  it.each(endpoints)("$name: same status and body, nothing written", async ({ kind, call }) => {
    const headers = { authorization: `Bearer ${token}` };
    const before = await stateOf(privateSpaceId);
    const missing = await answer(await call(madeUp[kind], headers));
    const hidden = await answer(await call(privateOther[kind], headers));
    expect(missing.status).toBe(404);
    expect(hidden).toEqual(missing);
    expect(JSON.parse(missing.body)).toEqual({ error: { code: expect.stringMatching(/NOT_FOUND$/), message: expect.stringMatching(/^(There is n|N)o such /) } });
    expect(await stateOf(privateSpaceId)).toEqual(before);
  });
});

/** A thrown refusal or a returned one, as the boundary would send it (code and message; kind sets the status). */
async function outcome(run: () => Promise<unknown>) {
  try {
    const result = (await run()) as { ok: boolean; error?: { code: string; message: string; kind: string } };
    return result.ok ? { ok: true } : { code: result.error?.code, message: result.error?.message, kind: result.error?.kind };
  } catch (error) {
    const e = error as { code?: string; message?: string; kind?: string };
    return { code: e.code, message: e.message, kind: e.kind };
  }
}

type UseCase = { name: string; kind: Kind; run: (actor: Actor | null, id: string) => Promise<unknown>; spaceScoped: boolean };

// The doors the pages and server actions use. Space-scoped ones name space A (its URL); the others only the id.
const useCases: UseCase[] = [
  { name: "the release page (releasePageData)", kind: "release", spaceScoped: true, run: (a, id) => releasePageData(a, here.space.slug, id) },
  { name: "the release edit page (viewSpaceRelease)", kind: "release", spaceScoped: true, run: (a, id) => viewSpaceRelease(a, here.space.slug, id) },
  { name: "filing an audit from space A's page", kind: "release", spaceScoped: true, run: (a, id) => fileAuditReport(a, { ...reportInput(id, [`sha256:${"a".repeat(64)}`]), spaceSlug: here.space.slug }) },
  { name: "the audit report page (viewSpaceAuditReport)", kind: "report", spaceScoped: true, run: (a, id) => viewSpaceAuditReport(a, here.space.slug, id) },
  { name: "viewRelease", kind: "release", spaceScoped: false, run: (a, id) => viewRelease(a, id) },
  { name: "editRelease", kind: "release", spaceScoped: false, run: (a, id) => editRelease(a, { releaseId: id, summary: "x" }) },
  { name: "transitionRelease (withdraw)", kind: "release", spaceScoped: false, run: (a, id) => transitionRelease(a, { releaseId: id, to: "withdrawn", note: "", reason: "x" }) },
  { name: "releaseManifest", kind: "release", spaceScoped: false, run: (a, id) => releaseManifest(a, id) },
  { name: "releaseAudits", kind: "release", spaceScoped: false, run: (a, id) => releaseAudits(a, id) },
  { name: "fileAuditReport", kind: "release", spaceScoped: false, run: (a, id) => fileAuditReport(a, reportInput(id, [`sha256:${"a".repeat(64)}`])) },
  { name: "viewAuditReport", kind: "report", spaceScoped: false, run: (a, id) => viewAuditReport(a, id) },
  { name: "reviewAuditReport", kind: "report", spaceScoped: false, run: (a, id) => reviewAuditReport(a, { reportId: id, verdict: "accept" }) },
  { name: "moveFinding", kind: "finding", spaceScoped: false, run: (a, id) => moveFinding(a, { findingId: id, status: "acknowledged" }) },
];

const callers = [
  { label: "signed in", actor: () => caller },
  { label: "anonymous", actor: () => null },
];

describe("pages and server actions answer foreign ids like made-up ones", () => {
  const cases = useCases.flatMap((u) => callers.map((c) => ({ ...u, who: c.label, actor: c.actor })));
  it.each(cases)("$name ($who)", async ({ kind, run, spaceScoped, actor }) => {
    const before = await stateOf(privateSpaceId);
    const missing = await outcome(() => run(actor(), madeUp[kind]));
    expect(missing).toMatchObject({ kind: "not_found", code: expect.stringMatching(/NOT_FOUND$/) });
    expect(await outcome(() => run(actor(), privateOther[kind]))).toEqual(missing);
    // Through space A's URL, a release or report of another public space is not there either.
    if (spaceScoped) expect(await outcome(() => run(actor(), publicOther[kind]))).toEqual(missing);
    expect(await stateOf(privateSpaceId)).toEqual(before);
  });

  it("still shows a public space's own release and report through its own URL", async () => {
    const page = await releasePageData(null, here.space.slug, here.release.id);
    expect(page.release.id).toBe(here.release.id);
    const filed = await fileAuditReport(here.auditor, { ...reportInput(here.release.id, here.digests), spaceSlug: here.space.slug });
    expect(filed).toMatchObject({ ok: true });
    if (filed.ok) expect(await viewSpaceAuditReport(null, here.space.slug, filed.data.reportId)).toMatchObject({ ok: true });
  });
});
