// What account forms share with their server actions, without zod: client
// components import this, so the zod schemas (validation.ts) stay on the
// server. (Zod 4 probes `new Function` when a schema is built, which the
// Content-Security-Policy reports as a blocked eval in the browser.)

export const PASSWORD_MIN_LENGTH = 10;

export type FieldErrors = Partial<Record<string, string[]>>;

/** Result of a form action, for useActionState. */
export type FormState = {
  ok?: boolean;
  message?: string;
  fieldErrors?: FieldErrors;
  values?: Record<string, string>;
};
