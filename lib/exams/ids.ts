// Id shapes accepted at the boundary. Pure.
import { z } from "zod";

export const attemptIdSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9-]+$/);

/** A question's stable content id, e.g. "q-sqs-001" or "p-kms-envelope-encryption-002". */
export const questionIdSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Not a question id.");

/** A question version, as a page showing it names it back. */
export const questionVersionSchema = z.int().min(1).max(1_000_000);
