// The committed JSON Schema of the findings format equals the one generated from the zod schema.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fileReportInput, findingsDocument, findingsJsonSchema, parseAuditInput } from "@/lib/audits/schema";

const digest = `sha256:${"a".repeat(64)}`;

describe("docs/findings.schema.json", () => {
  it("is exactly the schema generated from findingsDocument (regenerate it if this fails)", () => {
    const committed = JSON.parse(readFileSync("docs/findings.schema.json", "utf8"));
    expect(committed).toEqual(JSON.parse(JSON.stringify(findingsJsonSchema())));
  });
});

describe("findingsDocument", () => {
  const valid = { format: "commonweights.findings/v1", findings: [{ title: "Leaks PII", severity: "high", affectedDigests: [digest] }] };

  it.each([
    ["a minimal document", valid, true],
    ["a bare array", valid.findings, false],
    ["a wrong format name", { ...valid, format: "sarif" }, false],
    ["an unknown severity", { ...valid, findings: [{ ...valid.findings[0], severity: "urgent" }] }, false],
    ["a misspelt field", { ...valid, findings: [{ ...valid.findings[0], severty: "high" }] }, false],
    ["a digest that is not sha256", { ...valid, findings: [{ ...valid.findings[0], affectedDigests: ["md5:abc"] }] }, false],
    ["no affected digest", { ...valid, findings: [{ ...valid.findings[0], affectedDigests: [] }] }, false],
    ["an export with number and status", { ...valid, findings: [{ ...valid.findings[0], number: 1, status: "verified" }] }, true],
    ["an upper-case digest", { ...valid, findings: [{ ...valid.findings[0], affectedDigests: [digest.toUpperCase()] }] }, true],
  ])("%s -> %s", (_name, input, ok) => {
    expect(findingsDocument.safeParse(input).success).toBe(ok);
  });

  it("stores digests in lower case, and its JSON Schema pattern accepts what the API accepts", () => {
    const parsed = findingsDocument.parse({ ...valid, findings: [{ ...valid.findings[0], affectedDigests: [digest.toUpperCase()] }] });
    expect(parsed.findings[0]!.affectedDigests).toEqual([digest]);
    const schema = JSON.stringify(findingsJsonSchema());
    const patterns = [...schema.matchAll(/"pattern":"((?:[^"\\]|\\.)*)"/g)].map((m) => new RegExp(JSON.parse(`"${m[1]}"`)));
    const digestPatterns = patterns.filter((p) => p.test(digest));
    expect(digestPatterns.length).toBeGreaterThan(0);
    for (const pattern of digestPatterns) expect(pattern.test(digest.toUpperCase())).toBe(true);
  });
});

describe("parseAuditInput", () => {
  const report = { releaseId: "r1", category: "safety", scopeDigests: [digest], summary: "Fine.", verdict: "pass" };

  it("answers oversize text with TEXT_TOO_LONG", () => {
    expect(parseAuditInput(fileReportInput, { ...report, summary: "x".repeat(50_001) })).toMatchObject({ ok: false, error: { code: "TEXT_TOO_LONG" } });
    const title = { title: "t".repeat(201), severity: "low", affectedDigests: [digest] };
    expect(parseAuditInput(fileReportInput, { ...report, findings: [title] })).toMatchObject({
      ok: false,
      error: { code: "TEXT_TOO_LONG", message: expect.stringContaining("findings.0.title") },
    });
  });

  it("keeps INVALID_INPUT for malformed input, and accepts the limit itself", () => {
    expect(parseAuditInput(fileReportInput, { ...report, verdict: "meh" })).toMatchObject({ ok: false, error: { code: "INVALID_INPUT" } });
    expect(parseAuditInput(fileReportInput, { ...report, summary: "x".repeat(50_000) }).ok).toBe(true);
  });
});
