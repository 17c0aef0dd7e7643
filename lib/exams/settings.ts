import "server-only";
import { serverEnv } from "@/lib/env";

export type ExamSettings = { mockMinutes: number; graceSeconds: number };

export function examSettings(): ExamSettings {
  const env = serverEnv();
  return { mockMinutes: env.STRATUS_MOCK_MINUTES, graceSeconds: env.STRATUS_SAVE_GRACE_SECONDS };
}
