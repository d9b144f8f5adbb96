// docs/events.md, generated from the catalog so the contract and its description cannot drift (a unit test keeps the file equal).
import { z } from "zod";
import { eventCatalog } from "@/lib/record/events/catalog";

type JsonSchema = { type?: string | string[]; const?: unknown; enum?: unknown[]; items?: JsonSchema; anyOf?: JsonSchema[]; properties?: Record<string, JsonSchema>; required?: string[]; description?: string; additionalProperties?: unknown; pattern?: string; format?: string };

function typeOf(schema: JsonSchema): string {
  if (schema.const !== undefined) return `\`${JSON.stringify(schema.const)}\``;
  if (schema.enum) return schema.enum.map((value) => `\`${JSON.stringify(value)}\``).join(" \\| ");
  if (schema.anyOf) return schema.anyOf.map(typeOf).join(" \\| ");
  if (schema.type === "array") return `list of ${schema.items ? typeOf(schema.items) : "values"}`;
  if (schema.type === "object") return schema.properties ? `{ ${Object.keys(schema.properties).join(", ")} }` : "object";
  const type = Array.isArray(schema.type) ? schema.type.join(" or ") : (schema.type ?? "any JSON");
  return schema.format ? `${type} (${schema.format})` : type;
}

function fieldRows(schema: z.ZodType): string[] {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  const properties = Object.entries(json.properties ?? {});
  if (properties.length === 0) return ["(none)"];
  const required = new Set(json.required ?? []);
  return [
    "| field | type | required | about |",
    "| --- | --- | --- | --- |",
    ...properties.map(([name, field]) => `| \`${name}\` | ${typeOf(field)} | ${required.has(name) ? "yes" : "no"} | ${(field.description ?? "").replace(/\|/g, "\\|")} |`),
  ];
}

export function eventsMarkdown(): string {
  const lines = [
    "# Governance events: the catalog",
    "",
    "<!-- Generated from lib/record/events/ by test/unit/record/events-catalog.test.ts; regenerate with",
    "     UPDATE_DOCS=1 npx vitest run --project unit test/unit/record/events-catalog.test.ts -->",
    "",
    "Every event of the record has one of the types below. Its `subject` names what it is about (ids), its `data` the",
    "details. The same catalog is served as JSON Schema at `GET /api/v1/events.schema.json`; each line of a space's",
    "`events.ndjson` export has an `event` that validates against it, and `npm run verify` checks every event against it.",
    "",
    "## The envelope",
    "",
    "Each event's content (what its hash covers, RFC 8785 canonical JSON) is `v` (1), `id`, `space`, `type`, `actor`,",
    "`subject`, `data` and `at`, and since the catalog two more keys:",
    "",
    "- `typeVersion`: the catalog version of the type's subject and data. A type's version goes up whenever its shape",
    "  changes in a way a reader must know about; the catalog keeps every earlier version, so old events still check.",
    "  Events recorded before versions were kept have no `typeVersion`: they are version 1.",
    "- `via`: how the write came. `session` (a signed-in browser: a page's form or the API with the session cookie),",
    "  `token` (the API with a personal access token), or `system` (the app itself: a decision closing at its deadline,",
    "  the demo seed, the admin command; always `system` when `actor` is null). No IP address or client detail is kept.",
    "  Events recorded before it was kept have no `via`.",
    "",
    "Both are left out, not null, when absent, so events recorded before the catalog keep exactly the content and hash",
    "they were recorded with.",
    "",
    "## Types",
    "",
  ];
  for (const definition of eventCatalog) {
    lines.push(`### \`${definition.type}\` (version ${definition.version})`, "", definition.written, "", "Subject:", "", ...fieldRows(definition.subject), "", "Data:", "", ...fieldRows(definition.data), "");
  }
  return `${lines.join("\n").trimEnd()}\n`;
}
