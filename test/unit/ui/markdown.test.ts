// Comments, proposals and questions render through components/ui/markdown.tsx: whatever the markdown tries, no script
// runs, no frame loads, no event handler is set and no javascript: link survives.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "@/components/ui/markdown";

const render = (text: string) => renderToStaticMarkup(createElement(Markdown, null, text));

describe("the sanitizing markdown pipeline", () => {
  it.each([
    ["a script tag", "<script>alert(1)</script> hi"],
    ["an iframe", '<iframe src="https://evil.example"></iframe>'],
    ["an event handler", '<img src="x" onerror="alert(1)">'],
    ["a javascript: link", "[click](javascript:alert(1))"],
    ["a javascript: link with odd case and entities", "[click](JaVaScRiPt:alert(1))"],
    ["a javascript: autolink", "<javascript:alert(1)>"],
    ["a data: URL", "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"],
    ["an svg with a handler", '<svg onload="alert(1)"><circle /></svg>'],
    ["a style tag", "<style>body{display:none}</style>"],
  ])("%s renders inert", (_what, text) => {
    const html = render(text).toLowerCase();
    // The words may stay as text ("<a>javascript:alert(1)</a>" has no href): what must go is anything that acts.
    expect(html).not.toMatch(/<script|<iframe|<svg|<style|\son[a-z]+=|href="\s*(javascript|data):|src="\s*(javascript|data):/);
  });

  it("keeps ordinary markdown: links, emphasis, tables, code", () => {
    const html = render("**bold** [site](https://example.org) `x`\n\n| a | b |\n|---|---|\n| 1 | 2 |");
    expect(html).toContain("<strong>bold</strong>");
    expect(html).toContain('href="https://example.org"');
    expect(html).toContain("<table>");
    expect(html).toContain("<code>x</code>");
  });
});
