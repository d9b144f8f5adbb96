import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isCustomRef, parseLicenseExpression } from "@/lib/licensing/spdx";

describe("parseLicenseExpression", () => {
  it.each([
    ["Apache-2.0", "Apache-2.0", ["Apache-2.0"]],
    ["apache-2.0", "Apache-2.0", ["Apache-2.0"]],
    ["  MIT  ", "MIT", ["MIT"]],
    ["mit or apache-2.0", "MIT OR Apache-2.0", ["MIT", "Apache-2.0"]],
    ["(MIT OR Apache-2.0) AND cc-by-4.0", "(MIT OR Apache-2.0) AND CC-BY-4.0", ["MIT", "Apache-2.0", "CC-BY-4.0"]],
    ["((MIT OR ISC) AND Zlib) OR 0bsd", "(MIT OR ISC) AND Zlib OR 0BSD", ["MIT", "ISC", "Zlib", "0BSD"]],
    ["gpl-2.0-only with classpath-exception-2.0", "GPL-2.0-only WITH Classpath-exception-2.0", ["GPL-2.0-only"]],
    ["Apache-2.0 WITH LLVM-exception OR MIT", "Apache-2.0 WITH LLVM-exception OR MIT", ["Apache-2.0", "MIT"]],
    ["odbl-1.0 AND cdla-permissive-2.0", "ODbL-1.0 AND CDLA-Permissive-2.0", ["ODbL-1.0", "CDLA-Permissive-2.0"]],
    ["MIT AND MIT", "MIT AND MIT", ["MIT"]],
  ])("normalises %j to %j", (input, expression, ids) => {
    const result = parseLicenseExpression(input);
    expect(result).toEqual({ ok: true, value: { expression, ids, refs: [], warnings: [] } });
  });

  it.each([
    ["LicenseRef-Llama-3.1-Community", "LicenseRef-Llama-3.1-Community", ["LicenseRef-Llama-3.1-Community"]],
    ["licenseref-acme.model-2 AND MIT", "LicenseRef-acme.model-2 AND MIT", ["LicenseRef-acme.model-2"]],
    [
      "DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2 OR Apache-2.0",
      "DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2 OR Apache-2.0",
      ["DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2"],
    ],
  ])("accepts custom reference %j", (input, expression, refs) => {
    const result = parseLicenseExpression(input);
    expect(result.ok && result.value.expression).toBe(expression);
    expect(result.ok && result.value.refs).toEqual(refs);
    expect(result.ok && result.value.ids).toEqual(expect.arrayContaining(refs));
  });

  it("suggests the closest SPDX id for a typo", () => {
    expect(parseLicenseExpression("Apache2")).toEqual({
      ok: false,
      code: "UNKNOWN_LICENSE",
      message: "Unknown SPDX license id 'Apache2'. Did you mean 'Apache-2.0'?",
    });
  });

  it.each([
    ["", "EMPTY", /license is empty/],
    ["   ", "EMPTY", /license is empty/],
    ["MTI", "UNKNOWN_LICENSE", /'MTI'\. Did you mean 'MIT'\?/],
    ["cc-by-4", "UNKNOWN_LICENSE", /Did you mean 'CC-BY-4\.0'\?/],
    ["llama3.1", "UNKNOWN_LICENSE", /Did you mean 'LicenseRef-Llama-3\.1-Community'\?/],
    ["gpl", "UNKNOWN_LICENSE", /one of 'GPL-2\.0-only', 'GPL-2\.0-or-later'/],
    ["Qwertyuiopasdf", "UNKNOWN_LICENSE", /spdx\.org\/licenses/],
    ["Apache-2.0 WITH LLVM-exeption", "UNKNOWN_EXCEPTION", /Did you mean 'LLVM-exception'\?/],
    ["MIT AND", "BAD_EXPRESSION", /ends after 'AND'/],
    ["MIT WITH", "BAD_EXPRESSION", /ends after 'WITH'; add a license exception id/],
    ["(MIT OR Apache-2.0", "BAD_EXPRESSION", /'\(' at character 1 is never closed/],
    ["MIT) OR ISC", "BAD_EXPRESSION", /'\)' at character 4 has no matching '\('/],
    ["MIT Apache-2.0", "BAD_EXPRESSION", /expected AND, OR or WITH at character 5/],
    ["MIT / Apache-2.0", "BAD_EXPRESSION", /unexpected '\/' at character 5/],
    ["MIT, Apache-2.0", "BAD_EXPRESSION", /unexpected ',' at character 4/],
    ["OR MIT", "BAD_EXPRESSION", /expected a license id at character 1 but found 'OR'/],
    ["LLVM-exception", "BAD_EXPRESSION", /is a license exception, so it goes after WITH/],
    ["MIT WITH Apache-2.0", "BAD_EXPRESSION", /expected a license exception after WITH at character 10/],
    ["(MIT OR ISC) WITH LLVM-exception", "BAD_EXPRESSION", /WITH at character 14 must follow a single license id/],
    ["GPL-2.0 +", "BAD_EXPRESSION", /'\+' at character 9 must directly follow a license id/],
    [`MIT${" OR MIT".repeat(300)}`, "BAD_EXPRESSION", /2103 characters long; the limit is 2000/],
  ])("rejects %# with %s", (input, code, message) => {
    const result = parseLicenseExpression(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe(code);
    expect(result.message).toMatch(message);
  });

  it.each([
    ["GPL-2.0", "GPL-2.0", /'GPL-2\.0' is a deprecated SPDX id; write 'GPL-2\.0-only' or 'GPL-2\.0-or-later'/],
    ["gpl-2.0+", "GPL-2.0+", /write 'GPL-2\.0-or-later' instead/],
    ["LGPL-2.1 OR MIT", "LGPL-2.1 OR MIT", /'LGPL-2\.1' is a deprecated SPDX id/],
    ["wxWindows", "wxWindows", /see https:\/\/spdx\.org\/licenses\//],
  ])("accepts deprecated id in %j with a warning", (input, expression, warning) => {
    const result = parseLicenseExpression(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.expression).toBe(expression);
    expect(result.value.warnings).toHaveLength(1);
    expect(result.value.warnings[0]).toMatch(warning);
  });

  const ids = ["MIT", "Apache-2.0", "BSD-3-Clause", "CC-BY-4.0", "GPL-3.0-or-later", "LicenseRef-Gemma", "ODbL-1.0"];
  type Expr = { text: string; normal: string };
  const leaf = fc
    .tuple(fc.constantFrom(...ids), fc.boolean())
    .map(([id, lower]): Expr => ({ text: lower && !id.startsWith("LicenseRef-") ? id.toLowerCase() : id, normal: id }));
  const { expr } = fc.letrec<{ expr: Expr }>((tie) => ({
    expr: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      leaf,
      fc
        .tuple(tie("expr"), fc.constantFrom("AND", "OR", "and", "or"), tie("expr"))
        .map(([l, op, r]): Expr => ({ text: `(${l.text} ${op} ${r.text})`, normal: `(${l.normal} ${op.toUpperCase()} ${r.normal})` })),
    ),
  }));

  it("normalisation is idempotent and ignores the case of ids and operators", () => {
    fc.assert(
      fc.property(expr, ({ text, normal }) => {
        const fromText = parseLicenseExpression(text);
        const fromNormal = parseLicenseExpression(normal);
        expect(fromText.ok && fromNormal.ok).toBe(true);
        if (!fromText.ok || !fromNormal.ok) return;
        expect(fromText.value.expression).toBe(fromNormal.value.expression);
        expect(parseLicenseExpression(fromText.value.expression)).toEqual(fromText);
      }),
    );
  });
});

describe("isCustomRef", () => {
  it.each([
    ["LicenseRef-Llama-3.1-Community", true],
    ["LicenseRef-acme.model-2", true],
    ["DocumentRef-x:LicenseRef-y", true],
    ["LicenseRef-", false],
    ["LicenseRef-has space", false],
    ["Apache-2.0", false],
    ["licenseref-lowercase-prefix", false],
  ])("%j → %s", (id, expected) => {
    expect(isCustomRef(id)).toBe(expected);
  });
});
