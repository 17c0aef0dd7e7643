import { serverEnv } from "@/lib/env";
import type { ExamSettings } from "./attempts";

export function examSettings(): ExamSettings {
  const env = serverEnv();
  return { mockMinutes: env.STRATUS_MOCK_MINUTES, graceSeconds: env.STRATUS_SAVE_GRACE_SECONDS };
}
