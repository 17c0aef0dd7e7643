// POST /api/bench/start — only in the bench's own build (route.bench.ts: see
// next.config.mjs). Starts (or resumes) the caller's exam the way the Exams
// page's server action does, then loads the runner's view and returns its
// first question, so `npm run bench` can time "start → first question" over
// plain HTTP (a server action's id changes with every build).
import { db } from "@/lib/db";
import { startAttemptSchema } from "@/lib/exams/inputs";
import { loadRunnerView } from "@/lib/exams/runner-view";
import { examSettings } from "@/lib/exams/settings";
import { startAttempt } from "@/lib/exams/start-attempt";
import { apiError, apiOk, defineRoute } from "@/lib/http/define-route";

export const POST = defineRoute({ session: "user", body: startAttemptSchema }, async ({ user, body, arrivedAt }) => {
  const settings = examSettings();
  const started = await startAttempt(db, { userId: user.id, input: body, now: arrivedAt, settings });
  const view = await loadRunnerView(db, { userId: user.id, attemptId: started.attemptId, now: new Date(), settings });
  if ("graded" in view) return apiError(409, "CLOSED", "This attempt has already been graded.");
  return apiOk({ attemptId: started.attemptId, resumed: started.resumed, questionCount: view.items.length, firstQuestion: view.items[0] ?? null });
});
