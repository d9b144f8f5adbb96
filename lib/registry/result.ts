// Typed success/failure result shared by the registry and release parsers.

export type ParseResult<T> = { ok: true; value: T } | { ok: false; code: string; message: string };

export type ParseFailure = Extract<ParseResult<never>, { ok: false }>;

export function fail(code: string, message: string): ParseFailure {
  return { ok: false, code, message };
}

export function succeed<T>(value: T): ParseResult<T> {
  return { ok: true, value };
}
