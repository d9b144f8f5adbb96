// The rows of each archive section: strict zod schemas (unknown fields refused), turning ISO times back into Dates.
// Never e-mails, tokens, sessions or secrets: people are a display name and hashes of their sign-in accounts.
import { z } from "zod";
import type { SectionName } from "@/lib/archive/format";
import { roles } from "@/lib/roles";
import { threadSubjectKinds } from "@/lib/threads/rules";

const id = z.string().min(1).max(100);
const text = (max: number) => z.string().max(max).refine((s) => !s.includes("\u0000"), "must not contain NUL bytes");
const time = z.iso.datetime().transform((s) => new Date(s));
const optionalTime = time.nullable();
const role = z.enum(roles);
const json = z.json();
const digest = z.string().regex(/^sha256:[0-9a-f]{64}$/);
const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

export const rowSchemas = {
  space: z.strictObject({
    id,
    slug: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/),
    name: text(200),
    description: text(20_000),
    visibility: z.enum(["public", "private"]),
    homepageUrl: text(2000).nullable(),
    sourceUrl: text(2000).nullable(),
    hfOrg: text(200).nullable(),
    createdAt: time,
  }),
  people: z.strictObject({ id, name: text(200).nullable(), identities: z.array(hex64).max(20) }),
  members: z.strictObject({ userId: id, role, joinedAt: time }),
  charters: z.strictObject({ version: z.int().positive(), charter: json, reason: text(5000), createdById: id.nullable(), createdAt: time }),
  releases: z.strictObject({
    id,
    modelName: text(200),
    version: text(100),
    summary: text(20_000),
    changelog: text(50_000),
    previousReleaseId: id.nullable(),
    baseModelRef: text(2000).nullable(),
    status: z.enum(["draft", "in_review", "voting", "approved", "rejected", "published", "deprecated", "yanked", "withdrawn"]),
    votedDigests: z.array(digest),
    votingOpenedAt: optionalTime,
    publishedAt: optionalTime,
    createdById: id,
    createdAt: time,
    updatedAt: time,
  }),
  artifacts: z.strictObject({
    id,
    releaseId: id,
    name: text(500),
    kind: z.enum(["weights", "tokenizer", "config", "code", "dataset", "evaluation", "documentation", "other"]),
    digest,
    sizeBytes: z.string().regex(/^\d{1,19}$/).transform((s) => BigInt(s)).nullable(),
    uri: text(2000).nullable(),
    createdAt: time,
  }),
  components: z.strictObject({
    id,
    releaseId: id,
    component: text(100),
    included: z.boolean(),
    license: text(500).nullable(),
    licenseName: text(500).nullable(),
    licenseUrl: text(2000).nullable(),
  }),
  links: z.strictObject({ id, releaseId: id, kind: text(50), reference: text(2000), pinned: z.boolean(), display: text(2000), url: text(2000).nullable(), createdAt: time }),
  audits: z.strictObject({
    id,
    releaseId: id,
    authorId: id,
    category: text(50),
    methodology: text(50_000),
    summary: text(50_000),
    verdict: z.enum(["pass", "concerns", "fail"]),
    scopeDigests: z.array(z.string().max(100)),
    evidence: json,
    createdAt: time,
    updatedAt: time,
  }),
  findings: z.strictObject({
    id,
    reportId: id,
    releaseId: id,
    number: z.int().positive(),
    title: text(500),
    severity: text(20),
    description: text(50_000),
    affectedDigests: z.array(z.string().max(100)),
    status: text(30),
    createdAt: time,
    updatedAt: time,
  }),
  finding_transitions: z.strictObject({ id, findingId: id, from: text(30), to: text(30), actorId: id, note: text(20_000), evidence: json.nullable(), createdAt: time }),
  reviews: z.strictObject({ id, reportId: id, reviewerId: id, verdict: text(30), comment: text(20_000), createdAt: time }),
  decisions: z.strictObject({
    id,
    title: text(500),
    question: text(50_000),
    kind: text(30),
    method: text(30),
    params: json,
    subject: json,
    releaseId: id.nullable(),
    charterVersion: z.int().positive(),
    eligibility: json,
    eligibilityHash: hex64,
    opensAt: time,
    closesAt: time,
    status: z.enum(["open", "closed", "cancelled"]),
    outcome: json.nullable(),
    closedAt: optionalTime,
    closedById: id.nullable(),
    cancelReason: text(5000).nullable(),
    createdById: id,
    createdAt: time,
  }),
  // castById: present only when someone else cast it for the voter (a user of a fork mapped to a person of the origin).
  ballots: z.strictObject({ id, decisionId: id, voterId: id, castById: id.optional(), choice: json, reason: text(5000).nullable(), binding: z.boolean(), castAt: time, receipt: hex64 }),
  // Discussions (format version 2). A comment's text is not in its row: each version's text travels beside the event
  // that commits to it, in the record section (docs/record.md, Committed texts), so a redacted one has none to carry.
  proposals: z.strictObject({ id, title: text(500), decisionId: id.nullable(), releaseId: id.nullable(), createdById: id, createdAt: time }),
  concerns: z.strictObject({
    id,
    decisionId: id.nullable(),
    releaseId: id.nullable(),
    title: text(120),
    body: text(10_000),
    status: z.enum(["open", "resolved", "overridden"]),
    raisedById: id,
    raisedAt: time,
    closedById: id.nullable(),
    closedAt: optionalTime,
    closeNote: text(2000).nullable(),
  }),
  comments: z.strictObject({
    id,
    subjectKind: z.enum(threadSubjectKinds),
    subjectId: id,
    parentId: id.nullable(),
    authorId: id,
    state: z.enum(["visible", "hidden", "deleted"]),
    hiddenReason: text(2000).nullable(),
    hiddenById: id.nullable(),
    mentions: z.array(id).max(50),
    redactedAt: optionalTime,
    redactedById: id.nullable(),
    redactionReason: text(2000).nullable(),
    createdAt: time,
    editedAt: optionalTime,
  }),
  comment_versions: z.strictObject({ id, commentId: id, version: z.int().positive(), eventId: z.uuid(), createdAt: time }),
  keys: z.strictObject({ keyId: z.string().regex(/^[0-9a-f]{16}$/), publicKey: z.string().max(100) }),
  checkpoints: z.strictObject({
    size: z.int().nonnegative(),
    rootHash: hex64,
    timestamp: z.iso.datetime(),
    signature: z.string().max(200),
    keyId: z.string().regex(/^[0-9a-f]{16}$/),
    // The C2SP note form of the same checkpoint (docs/preserve.md), where the origin signed one.
    origin: z.string().max(300).nullable().optional(),
    noteSignature: z.string().max(300).nullable().optional(),
  }),
} as const satisfies Record<Exclude<SectionName, "record">, z.ZodType>;

export type RowSection = keyof typeof rowSchemas;
export type ArchiveRows = { [K in RowSection]: Array<z.output<(typeof rowSchemas)[K]>> };
export type RowOf<K extends RowSection> = z.output<(typeof rowSchemas)[K]>;

export function emptyRows(): ArchiveRows {
  return Object.fromEntries(Object.keys(rowSchemas).map((name) => [name, []])) as unknown as ArchiveRows;
}
