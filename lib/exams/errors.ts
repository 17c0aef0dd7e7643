// Expected failures of exam operations, with the HTTP status a route answers.
export type ExamErrorCode = "NOT_FOUND" | "UNAUTHENTICATED" | "CLOSED" | "TIME_UP" | "INVALID" | "FORBIDDEN";

const STATUS: Record<ExamErrorCode, number> = {
  NOT_FOUND: 404,
  UNAUTHENTICATED: 401,
  CLOSED: 409,
  TIME_UP: 409,
  INVALID: 422,
  FORBIDDEN: 403,
};

export class ExamError extends Error {
  constructor(
    readonly code: ExamErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ExamError";
  }
  get status(): number {
    return STATUS[this.code];
  }
}

export const attemptNotFound = () => new ExamError("NOT_FOUND", "We could not find that attempt.");
