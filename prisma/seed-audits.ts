// The Lumen Collective's audits: accepted reports clearing lumen-7b@2.0, and an open high finding blocking lumen-13b@0.9.
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { appendEvent } from "./seed-record";
import { daysAgo, type DemoKey, type SeedContext } from "./seed-community";
import type { AuditCategory, Severity } from "@/lib/charter/schema";
import type { FindingStatus } from "@/lib/audits/rules";


type SeedFinding = {
  title: string;
  severity: Severity;
  description: string;
  /** Which artifacts (by name) it affects; all examined ones when omitted. */
  artifacts?: string[];
  /** Transitions after filing: [actor, to, note, days ago, evidence?] */
  moves?: Array<{ by: DemoKey; to: FindingStatus; note: string; day: number; evidence?: { url: string; sha256?: string } }>;
};

type SeedReport = {
  release: string;
  author: DemoKey;
  category: AuditCategory;
  verdict: "pass" | "concerns" | "fail";
  methodology: string;
  summary: string;
  day: number;
  evidence?: Array<{ url: string; sha256?: string; label?: string }>;
  findings?: SeedFinding[];
  reviews?: Array<{ by: DemoKey; verdict: "accept" | "request_changes" | "dispute"; comment: string; day: number }>;
};

const reports: SeedReport[] = [
  {
    release: "lumen-7b@2.0",
    author: "dana",
    category: "safety",
    verdict: "pass",
    day: 9,
    methodology: "1,200 adversarial prompts from the open red-teaming set (v3), in English, Swahili, Yoruba and Hausa; refusal and harmfulness graded by two raters.",
    summary: "Lumen-7B 2.0 refuses **97.8%** of clearly harmful requests (1.0: 95.1%) without a measurable rise in over-refusal on benign prompts. No finding at or above medium.",
    evidence: [{ url: "https://github.com/lumen-collective/evals/actions/runs/8812", label: "Red-teaming run 8812" }],
    findings: [{ title: "Refusals are verbose in Hausa", severity: "info", description: "Refusals in Hausa average 3x the length of English ones." }],
    reviews: [{ by: "bruno", verdict: "accept", comment: "Method and raters documented; accepted.", day: 8 }],
  },
  {
    release: "lumen-7b@2.0",
    author: "chen",
    category: "license-compliance",
    verdict: "pass",
    day: 8,
    methodology: "Scanned the training-data manifest and code with ScanCode 32.2; checked each dataset's license against the MOF components of the release.",
    summary: "All datasets are CC-BY-4.0 or CDLA-Permissive-2.0 as recorded; code is Apache-2.0. Attribution file present in the release.",
    evidence: [{ url: "https://github.com/lumen-collective/lumen/blob/v2.0/NOTICE", label: "NOTICE file" }],
    reviews: [{ by: "dana", verdict: "accept", comment: "Spot-checked 20 datasets; matches.", day: 7 }],
  },
  {
    release: "lumen-7b@2.0",
    author: "dana",
    category: "bias-fairness",
    verdict: "concerns",
    day: 12,
    methodology: "Multilingual toxicity classification (AfriHate subset and our held-out set), per-language F1; gender-occupation probes.",
    summary: "Toxicity classification is much weaker in Swahili than in English; other languages are within 5 points. Gender-occupation probes show no regression from 1.1.",
    evidence: [{ url: "https://github.com/lumen-collective/evals/actions/runs/8790", label: "Fairness run 8790" }],
    findings: [
      {
        title: "Lower accuracy on Swahili toxicity classification",
        severity: "high",
        description: "F1 is **0.62** in Swahili against 0.91 in English on the held-out set, so Swahili users get much weaker moderation.",
        artifacts: ["weights"],
        moves: [
          { by: "emil", to: "acknowledged", note: "Reproduced; adding Swahili data to the fine-tuning mix.", day: 11 },
          {
            by: "emil",
            to: "mitigated",
            note: "Fine-tuned on 40k additional Swahili examples; F1 is now 0.86.",
            day: 6,
            evidence: { url: "https://github.com/lumen-collective/lumen/pull/214", sha256: "sha256:5d41402abc4b2a76b9719d911017c592a1d3f6a9e1c0b8f7d4e2a6c5b3f19e07" },
          },
          { by: "dana", to: "verified", note: "Re-ran run 8790 on the new weights: F1 0.86 in Swahili.", day: 5 },
        ],
      },
    ],
    reviews: [{ by: "chen", verdict: "accept", comment: "Accepted now that the Swahili finding is verified.", day: 4 }],
  },
  {
    release: "lumen-13b@0.9",
    author: "dana",
    category: "security",
    verdict: "fail",
    day: 4,
    methodology: "Prompt-injection suite (garak 0.10 promptinject and our tool-use scenarios), 300 attempts per scenario.",
    summary: "Indirect prompt injection through retrieved documents overrides the system prompt in **38%** of attempts. Must be fixed before a release vote.",
    evidence: [{ url: "https://github.com/lumen-collective/evals/actions/runs/8850", label: "Security run 8850" }],
    findings: [
      {
        title: "Prompt injection bypasses the system prompt",
        severity: "high",
        description: "Instructions embedded in retrieved documents override the system prompt in 38% of attempts (114/300).",
      },
      {
        title: "Tool-call arguments are not escaped in examples",
        severity: "medium",
        description: "The reference chat template shows tool arguments interpolated without escaping.",
        artifacts: ["config"],
        moves: [{ by: "amara", to: "acknowledged", note: "Template fix planned for 0.9.1.", day: 3 }],
      },
    ],
  },
];

type Step = { at: Date; run: () => Promise<void> };

/**
 * Adds the audit reports of the demo story; releases missing from ctx.releases are skipped. Every write runs in
 * time order across reports, so the record's order matches its timestamps.
 */
export async function seedAudits(ctx: SeedContext): Promise<{ reports: Record<string, string> }> {
  const ids: Record<string, string> = {};
  const steps: Step[] = [];
  for (const seed of reports) {
    const releaseId = ctx.releases[seed.release];
    if (!releaseId) continue;
    const artifacts = await db.artifact.findMany({ where: { releaseId }, select: { name: true, digest: true }, orderBy: { name: "asc" } });
    if (artifacts.length === 0) continue;
    const scope = artifacts.map((a) => a.digest);
    const digestsOf = (names?: string[]) => (names ? artifacts.filter((a) => names.includes(a.name)).map((a) => a.digest) : scope);
    const filed = { reportId: "", findings: [] as Array<{ id: string; number: number; title: string; severity: string }> };
    const at = daysAgo(seed.day);

    steps.push({
      at,
      run: () =>
        db.$transaction(async (tx) => {
          const report = await tx.auditReport.create({
            data: {
              spaceId: ctx.spaceId,
              releaseId,
              authorId: ctx.users[seed.author],
              category: seed.category,
              methodology: seed.methodology,
              summary: seed.summary,
              verdict: seed.verdict,
              scopeDigests: scope,
              evidence: (seed.evidence ?? []) as Prisma.InputJsonArray,
              createdAt: at,
            },
          });
          filed.reportId = report.id;
          ids[`${seed.release}/${seed.category}`] = report.id;
          for (const [index, f] of (seed.findings ?? []).entries()) {
            filed.findings.push(
              await tx.finding.create({
                data: { reportId: report.id, releaseId, number: index + 1, title: f.title, severity: f.severity, description: f.description, affectedDigests: digestsOf(f.artifacts), createdAt: at },
                select: { id: true, number: true, title: true, severity: true },
              }),
            );
          }
          await appendEvent(tx, {
            spaceId: ctx.spaceId,
            actorId: ctx.users[seed.author],
            type: "audit.filed",
            subject: { releaseId, reportId: report.id },
            data: { category: seed.category, verdict: seed.verdict, scopeDigests: scope, findings: filed.findings.map(({ id, ...f }) => ({ findingId: id, ...f, severity: f.severity as Severity })) },
            at,
          });
        }),
    });

    for (const [index, f] of (seed.findings ?? []).entries()) {
      let from: FindingStatus = "open";
      for (const move of f.moves ?? []) {
        const prior = from;
        from = move.to;
        const when = daysAgo(move.day, 15);
        steps.push({
          at: when,
          run: () =>
            db.$transaction(async (tx) => {
              const finding = filed.findings[index]!;
              await tx.finding.update({ where: { id: finding.id }, data: { status: move.to, updatedAt: when } });
              await tx.findingTransition.create({
                data: { findingId: finding.id, from: prior, to: move.to, actorId: ctx.users[move.by], note: move.note, createdAt: when, ...(move.evidence ? { evidence: move.evidence } : {}) },
              });
              await appendEvent(tx, {
                spaceId: ctx.spaceId,
                actorId: ctx.users[move.by],
                type: "finding.transitioned",
                subject: { releaseId, reportId: filed.reportId, findingId: finding.id },
                data: { number: finding.number, title: finding.title, severity: finding.severity as Severity, from: prior, to: move.to, note: move.note, ...(move.evidence ? { evidence: move.evidence } : {}) },
                at: when,
              });
            }),
        });
      }
    }

    const verdicts: string[] = [];
    for (const review of seed.reviews ?? []) {
      const when = daysAgo(review.day, 16);
      steps.push({
        at: when,
        run: () =>
          db.$transaction(async (tx) => {
            const row = await tx.auditReview.create({ data: { reportId: filed.reportId, reviewerId: ctx.users[review.by], verdict: review.verdict, comment: review.comment, createdAt: when } });
            verdicts.push(review.verdict);
            const status = verdicts.includes("dispute") ? "disputed" : review.verdict === "accept" ? "accepted" : "changes_requested";
            await appendEvent(tx, {
              spaceId: ctx.spaceId,
              actorId: ctx.users[review.by],
              type: "audit.reviewed",
              subject: { releaseId, reportId: filed.reportId },
              data: { reviewId: row.id, verdict: review.verdict, comment: review.comment, status },
              at: when,
            });
          }),
      });
    }
  }
  for (const step of steps.sort((a, b) => a.at.getTime() - b.at.getTime())) await step.run();
  return { reports: ids };
}
