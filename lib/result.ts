// Typed results shared by server actions and API routes: refusals are values, not exceptions.

/** What kind of refusal an error is; API routes turn it into the HTTP status. */
export type ErrorKind =
  | "invalid" // 400: input does not parse
  | "unauthenticated" // 401
  | "forbidden" // 403
  | "not_found" // 404
  | "unsupported_media_type" // 415: a body that is not JSON
  | "conflict" // 409: duplicate, stale state, raced
  | "rule" // 422: understood, but a governance rule refuses it
  | "rate_limited" // 429
  | "unavailable" // 503
  | "internal"; // 500

export type AppError = {
  code: string;
  message: string;
  kind: ErrorKind;
  fields?: Record<string, string[]>;
};

export type Result<T> = { ok: true; data: T } | { ok: false; error: AppError };

export const ok = <T>(data: T): Result<T> => ({ ok: true, data });

export function fail(code: string, message: string, kind: ErrorKind = "rule", fields?: AppError["fields"]): Result<never> {
  return { ok: false, error: { code, message, kind, ...(fields ? { fields } : {}) } };
}

/** Thrown (by authorize, mostly) to abort a use case; caught at the boundary and returned as a value. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly kind: ErrorKind = "rule",
  ) {
    super(message);
    this.name = "DomainError";
  }

  toError(): AppError {
    return { code: this.code, message: this.message, kind: this.kind };
  }
}

export const httpStatus: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  unsupported_media_type: 415,
  conflict: 409,
  rule: 422,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};
