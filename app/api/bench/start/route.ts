// POST /api/bench/start — bench only: 404 unless the bench runner started this
// server with STRATUS_BENCH_ROUTES=1. Starts (or resumes) the caller's mock exam
// the way the Exams page's server action does, then loads the runner's view and
// returns its first question, so `npm run bench` can time "start → first
// question" over plain HTTP (a server action's id changes with every build).
import { currentUser } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { loadRunnerView, startAttempt } from "@/lib/exams/attempts";
import { apiError, apiOk, examErrorResponse, refuseCrossSite } from "@/lib/exams/http";
import { examSettings } from "@/lib/exams/settings";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  if (process.env.STRATUS_BENCH_ROUTES !== "1") return apiError(404, "NOT_FOUND", "Not found.");
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const user = await currentUser();
  if (!user) return apiError(401, "UNAUTHENTICATED", "Your session has ended. Sign in again.");
  try {
    const settings = examSettings();
    const started = await startAttempt(db, { userId: user.id, input: { mode: "MOCK" }, now: new Date(), settings });
    const view = await loadRunnerView(db, { userId: user.id, attemptId: started.attemptId, now: new Date(), settings });
    if ("graded" in view) return apiError(409, "CLOSED", "This attempt has already been graded.");
    return apiOk({ attemptId: started.attemptId, resumed: started.resumed, questionCount: view.items.length, firstQuestion: view.items[0] ?? null });
  } catch (error) {
    return examErrorResponse(error);
  }
}
