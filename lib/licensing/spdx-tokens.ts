// Reads an SPDX expression into canonical tokens, reporting the first mistake with its position.
import type { ParseResult } from "./result";
import {
  canonicalExceptionId,
  canonicalLicenseId,
  exceptionSuggestionCandidates,
  licenseSuggestionCandidates,
} from "./spdx-ids";
import { formatDidYouMean, suggestClosest } from "./suggest";

export type SpdxToken = {
  type: "license" | "ref" | "exception" | "AND" | "OR" | "WITH" | "(" | ")" | "+";
  text: string;
  start: number;
  end: number;
};

type RawToken = { text: string; start: number; end: number };

const refPattern = /^(?:DocumentRef-[A-Za-z0-9.-]+:)?LicenseRef-[A-Za-z0-9.-]+$/i;
const wordPattern = /(?:DocumentRef-[A-Za-z0-9.-]+:)?LicenseRef-[A-Za-z0-9.-]+|[A-Za-z0-9.-]+|[()+]/iy;

const at = (index: number): string => `at character ${index + 1}`;

const bad = (message: string): ParseResult<never> => ({
  ok: false,
  code: "BAD_EXPRESSION",
  message: `The license expression does not parse: ${message}`,
});

function lex(input: string): ParseResult<RawToken[]> {
  const tokens: RawToken[] = [];
  let index = 0;
  while (index < input.length) {
    if (/\s/.test(input.charAt(index))) {
      index += 1;
      continue;
    }
    wordPattern.lastIndex = index;
    const match = wordPattern.exec(input);
    if (match === null) return bad(`unexpected '${input.charAt(index)}' ${at(index)}.`);
    tokens.push({ text: match[0], start: index, end: index + match[0].length });
    index += match[0].length;
  }
  return { ok: true, value: tokens };
}

function normaliseRef(text: string): string {
  return text.replace(/^documentref-/i, "DocumentRef-").replace(/licenseref-/i, "LicenseRef-");
}

function readOperand(raw: RawToken): ParseResult<SpdxToken> {
  const { text, start, end } = raw;
  if (refPattern.test(text)) return { ok: true, value: { type: "ref", text: normaliseRef(text), start, end } };
  if (/^(and|or|with)$/i.test(text)) return bad(`expected a license id ${at(start)} but found '${text}'.`);
  if (text === ")" || text === "+") return bad(`expected a license id ${at(start)} but found '${text}'.`);
  const license = canonicalLicenseId(text);
  if (license !== undefined) return { ok: true, value: { type: "license", text: license, start, end } };
  const exception = canonicalExceptionId(text);
  if (exception !== undefined) {
    return bad(`'${exception}' ${at(start)} is a license exception, so it goes after WITH (e.g. 'Apache-2.0 WITH LLVM-exception').`);
  }
  const hint =
    formatDidYouMean(suggestClosest(text, licenseSuggestionCandidates)) ||
    " Use an id from https://spdx.org/licenses/, or a LicenseRef-<name> id for a custom license.";
  return { ok: false, code: "UNKNOWN_LICENSE", message: `Unknown SPDX license id '${text}'.${hint}` };
}

function readException(raw: RawToken): ParseResult<SpdxToken> {
  const exception = canonicalExceptionId(raw.text);
  if (exception !== undefined) return { ok: true, value: { ...raw, type: "exception", text: exception } };
  if (canonicalLicenseId(raw.text) !== undefined || refPattern.test(raw.text) || /^[()+]$/.test(raw.text)) {
    return bad(`expected a license exception after WITH ${at(raw.start)} but found '${raw.text}'.`);
  }
  const hint = formatDidYouMean(suggestClosest(raw.text, exceptionSuggestionCandidates));
  return { ok: false, code: "UNKNOWN_EXCEPTION", message: `Unknown SPDX license exception id '${raw.text}'.${hint}` };
}

function readOperator(raw: RawToken, previous: SpdxToken): ParseResult<SpdxToken> {
  const upper = raw.text.toUpperCase();
  const { start, end } = raw;
  if (upper === "AND" || upper === "OR" || upper === ")") return { ok: true, value: { type: upper, text: upper, start, end } };
  if (upper === "WITH") {
    if (previous.type === "license" || previous.type === "ref" || previous.type === "+") {
      return { ok: true, value: { type: "WITH", text: upper, start, end } };
    }
    return bad(`WITH ${at(start)} must follow a single license id.`);
  }
  if (upper === "+") {
    if (previous.type === "license" && previous.end === start) return { ok: true, value: { type: "+", text: "+", start, end } };
    return bad(`'+' ${at(start)} must directly follow a license id, as in 'GPL-2.0+'.`);
  }
  return bad(`expected AND, OR or WITH ${at(start)} before '${raw.text}'.`);
}

export function tokenizeLicenseExpression(input: string): ParseResult<SpdxToken[]> {
  const lexed = lex(input);
  if (!lexed.ok) return lexed;
  const tokens: SpdxToken[] = [];
  const openParens: number[] = [];
  for (const raw of lexed.value) {
    const previous = tokens[tokens.length - 1];
    let read: ParseResult<SpdxToken>;
    if (previous?.type === "WITH") read = readException(raw);
    else if (previous === undefined || previous.type === "AND" || previous.type === "OR" || previous.type === "(") {
      read = raw.text === "(" ? { ok: true, value: { ...raw, type: "(" } } : readOperand(raw);
    } else read = readOperator(raw, previous);
    if (!read.ok) return read;
    if (read.value.type === "(") openParens.push(read.value.start);
    if (read.value.type === ")" && openParens.pop() === undefined) return bad(`')' ${at(raw.start)} has no matching '('.`);
    tokens.push(read.value);
  }
  const last = tokens[tokens.length - 1];
  if (last !== undefined && ["AND", "OR", "WITH", "("].includes(last.type)) {
    return bad(`it ends after '${last.text}'; add a license ${last.type === "WITH" ? "exception id" : "id"}.`);
  }
  const unclosed = openParens.pop();
  if (unclosed !== undefined) return bad(`the '(' ${at(unclosed)} is never closed.`);
  return { ok: true, value: tokens };
}
