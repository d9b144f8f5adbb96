// Tolerant readers for Hugging Face model-card metadata fields (strings vs lists vs junk).

export type Metadata = Record<string, unknown>;

export function isMetadata(value: unknown): value is Metadata {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describeValue(value: unknown): string {
  if (value === null) return "an empty value";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  return `the ${typeof value} ${JSON.stringify(value)}`;
}

/** Converts one scalar to trimmed text; numbers and booleans are kept as text (with a warning), anything else is dropped. */
function scalarToText(key: string, value: unknown, warnings: string[]): string | undefined {
  if (typeof value === "string") return value.trim() || undefined;
  if (typeof value === "number" || typeof value === "boolean") {
    warnings.push(`'${key}' contains ${describeValue(value)}, which was read as the text "${String(value)}".`);
    return String(value);
  }
  warnings.push(`'${key}' contains ${describeValue(value)} where text was expected; it was ignored.`);
  return undefined;
}

/** A single-valued field; when a list is given, the first usable item wins. */
export function readText(data: Metadata, key: string, warnings: string[]): string | undefined {
  const value = data[key];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) return scalarToText(key, value, warnings);
  const items = value.map((item) => scalarToText(key, item, warnings)).filter((item): item is string => item !== undefined);
  const [first] = items;
  if (first === undefined) {
    warnings.push(`'${key}' is an empty list; it was ignored.`);
  } else if (items.length > 1) {
    warnings.push(`'${key}' lists several values (${items.join(", ")}); only '${first}' was used.`);
  }
  return first;
}

/** A multi-valued field; a single string becomes a one-item list and duplicates are removed. */
export function readList(data: Metadata, key: string, warnings: string[]): string[] {
  const value = data[key];
  if (value === undefined || value === null) return [];
  const raw = Array.isArray(value) ? value : [value];
  if (!Array.isArray(value) && isMetadata(value)) {
    warnings.push(`'${key}' is a mapping where a list was expected; it was ignored.`);
    return [];
  }
  const items = raw.map((item) => scalarToText(key, item, warnings)).filter((item): item is string => item !== undefined);
  return [...new Set(items)];
}

/** `model_name`, or failing that the name of the first `model-index` entry. */
export function readModelName(data: Metadata, warnings: string[]): string | undefined {
  const direct = readText(data, "model_name", warnings);
  if (direct !== undefined) return direct;
  const index = data["model-index"];
  if (index === undefined || index === null) return undefined;
  if (!Array.isArray(index)) {
    warnings.push("'model-index' is not a list; the model name in it was ignored.");
    return undefined;
  }
  const [entry] = index;
  if (!isMetadata(entry)) return undefined;
  return readText(entry, "name", warnings);
}
