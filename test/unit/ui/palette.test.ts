// Secondary text uses the scheme-aware `text-muted` token (app/globals.css): a raw zinc-400/500 text class
// passes in one colour scheme and fails WCAG contrast in the other (zinc-500 on zinc-900 is 3.67:1).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(rel);
    return /\.(tsx|ts|css)$/.test(entry.name) ? [rel] : [];
  });
}

// A text colour class without a variant prefix (`dark:`, `hover:`, ...): the colour most people see.
const rawMutedText = /(?<![\w:-])text-zinc-(400|500)\b/g;

describe("palette", () => {
  const files = [...sourceFiles("app"), ...sourceFiles("components")];

  it("finds the source files it checks", () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it("uses text-muted, not raw zinc-400/500, for secondary text", () => {
    const offenders = files.flatMap((file) =>
      readFileSync(path.join(root, file), "utf8")
        .split("\n")
        .flatMap((line, index) => (line.match(rawMutedText) ? [`${file}:${index + 1}: ${line.trim()}`] : [])),
    );
    expect(offenders).toEqual([]);
  });

  it("defines text-muted for both colour schemes", () => {
    const css = readFileSync(path.join(root, "app/globals.css"), "utf8");
    expect(css).toMatch(/--color-muted:\s*var\(--cw-muted\)/);
    expect(css).toMatch(/prefers-color-scheme:\s*dark\)\s*{\s*:root\s*{\s*--cw-muted:/);
  });
});
