// Parses SPDX license expressions: canonical case, typo suggestions, custom LicenseRefs and deprecation warnings.
import parse from "spdx-expression-parse";
import type { ParseResult } from "./result";
import { deprecatedLicenseIds } from "./spdx-ids";
import { tokenizeLicenseExpression } from "./spdx-tokens";

export type { ParseResult } from "./result";

export type LicenseNode = parse.Info;

export type ParsedLicense = {
  expression: string; // normalised: canonical id case, upper-case operators, minimal parentheses
  ids: string[]; // every license id used, in order of first use, including LicenseRef-* ids
  refs: string[]; // the LicenseRef-* (or DocumentRef-*:LicenseRef-*) ids among them
  warnings: string[];
};

// Generous for real expressions; it keeps pathological input from reaching the parser.
const maxExpressionLength = 2000;

const customRefPattern = /^(?:DocumentRef-[A-Za-z0-9.-]+:)?LicenseRef-[A-Za-z0-9.-]+$/;

export function isCustomRef(id: string): boolean {
  return customRefPattern.test(id);
}

const isLeaf = (node: LicenseNode): node is parse.LicenseInfo => "license" in node;

function renderNode(node: LicenseNode, parent?: "and" | "or"): string {
  if (isLeaf(node)) {
    return `${node.license}${node.plus ? "+" : ""}${node.exception ? ` WITH ${node.exception}` : ""}`;
  }
  const text = `${renderNode(node.left, node.conjunction)} ${node.conjunction.toUpperCase()} ${renderNode(node.right, node.conjunction)}`;
  // AND binds tighter than OR, so only an OR inside an AND needs parentheses.
  return node.conjunction === "or" && parent === "and" ? `(${text})` : text;
}

export function collectLeaves(node: LicenseNode): parse.LicenseInfo[] {
  return isLeaf(node) ? [node] : [...collectLeaves(node.left), ...collectLeaves(node.right)];
}

function deprecationWarning(id: string, plus: boolean): string {
  const gnu = /^(?:A?GPL|LGPL|GFDL)-\d\.\d$/.test(id);
  if (gnu && plus) return `'${id}+' uses a deprecated SPDX id; write '${id}-or-later' instead.`;
  if (gnu) return `'${id}' is a deprecated SPDX id; write '${id}-only' or '${id}-or-later' instead.`;
  return `'${id}' is a deprecated SPDX id; see https://spdx.org/licenses/ for the id that replaced it.`;
}

export function parseLicenseTree(input: string): ParseResult<ParsedLicense & { tree: LicenseNode }> {
  if (input.trim() === "") {
    return {
      ok: false,
      code: "EMPTY",
      message: "The license is empty. Give an SPDX license expression, such as 'Apache-2.0' or 'MIT OR Apache-2.0'.",
    };
  }
  if (input.length > maxExpressionLength) {
    return {
      ok: false,
      code: "BAD_EXPRESSION",
      message: `The license expression is ${input.length} characters long; the limit is ${maxExpressionLength}.`,
    };
  }
  const tokens = tokenizeLicenseExpression(input);
  if (!tokens.ok) return tokens;
  const source = tokens.value.map((t) => (t.type === "+" ? t.text : ` ${t.text}`)).join("").trim();
  let tree: LicenseNode;
  try {
    tree = parse(source);
  } catch (error) {
    const detail = error instanceof Error && error.message !== "" ? ` (${error.message})` : "";
    return { ok: false, code: "BAD_EXPRESSION", message: `The license expression does not parse${detail}.` };
  }
  const leaves = collectLeaves(tree);
  const ids = [...new Set(leaves.map((leaf) => leaf.license))];
  const warnings = [
    ...new Set(
      leaves.filter((leaf) => deprecatedLicenseIds.has(leaf.license)).map((leaf) => deprecationWarning(leaf.license, leaf.plus === true)),
    ),
  ];
  return {
    ok: true,
    value: { expression: renderNode(tree), ids, refs: ids.filter(isCustomRef), warnings, tree },
  };
}

export function parseLicenseExpression(input: string): ParseResult<ParsedLicense> {
  const parsed = parseLicenseTree(input);
  if (!parsed.ok) return parsed;
  const { expression, ids, refs, warnings } = parsed.value;
  return { ok: true, value: { expression, ids, refs, warnings } };
}
