// Server environment, parsed once at start-up. Import from server code only.
import { z } from "zod";
import { DEFAULT_GRACE_SECONDS, EXAM_FORMAT } from "@/lib/exams/exam-format";

const serverEnvSchema = z.object({
  DATABASE_URL: z.string().url("DATABASE_URL must be a postgres:// URL"),
  /** Connections the app's pool may open. npm start sets 1 for the embedded database. */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  /** "off": the hottest statements go unnamed, for a pooler that cannot keep prepared statements. npm start sets it on the embedded database. */
  DATABASE_PREPARED_STATEMENTS: z.enum(["on", "off"]).default("on"),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Minutes for a full mock exam; tests shorten it. */
  STRATUS_MOCK_MINUTES: z.coerce.number().positive().default(EXAM_FORMAT.minutes),
  /** Seconds after the deadline during which in-flight saves are still accepted. */
  STRATUS_SAVE_GRACE_SECONDS: z.coerce.number().int().min(0).max(120).default(DEFAULT_GRACE_SECONDS),
  /** Bearer token for POST /api/cron/grade-expired; the route refuses every call without one. */
  CRON_SECRET: z.string().min(16).optional(),
  /** The address people use to reach Stratus; links in mail point here (never at a request's Host header). */
  STRATUS_PUBLIC_URL: z.string().url().default("http://localhost:3000"),
  /** SMTP server for outgoing mail, e.g. smtp://user:pass@mail.example.com:587. */
  SMTP_URL: z.string().url().optional(),
  SMTP_FROM: z.string().default("Stratus <no-reply@stratus.local>"),
  /** Without SMTP: a folder where mail is written as files (npm start sets it on the embedded default). */
  STRATUS_LOCAL_OUTBOX: z.string().optional(),
});

export type ServerEnv = z.infer<typeof serverEnvSchema>;

let cached: ServerEnv | undefined;

export function serverEnv(): ServerEnv {
  if (cached) return cached;
  const parsed = serverEnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid server environment:\n${problems}`);
  }
  cached = parsed.data;
  return cached;
}
