// The typed result shared by the licensing modules: expected failures are values, not exceptions.
export type ParseResult<T> = { ok: true; value: T } | { ok: false; code: string; message: string };
