// Expected failures, for every entry point: server actions return them as
// values (`{ ok: false, code, message, fieldErrors }`), route handlers answer
// them as JSON with the status below, pages turn NOT_FOUND into the 404 page.
// Anything that is not an AppError is unexpected and reaches error.tsx / a 500.

export const APP_ERROR_STATUS = {
  BAD_JSON: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CROSS_SITE: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  CLOSED: 409,
  TIME_UP: 409,
  EXPIRED: 410,
  TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INVALID: 422,
  RATE_LIMITED: 429,
} as const;

export type AppErrorCode = keyof typeof APP_ERROR_STATUS;
export type FieldErrors = Partial<Record<string, string[]>>;

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fieldErrors?: FieldErrors,
  ) {
    super(message);
    this.name = "AppError";
  }
  get status(): number {
    return APP_ERROR_STATUS[this.code];
  }
}

/** Turns zod issues into `{ "field.path": [messages] }`. */
export function fieldErrorsOf(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) (errors[issue.path.map(String).join(".") || "_"] ??= []).push(issue.message);
  return errors;
}

export const notFoundError = (what = "that") => new AppError("NOT_FOUND", `We could not find ${what}.`);
