// POST /api/attempts/:attemptId/pause — pauses or resumes a timed review exam.
import { z } from "zod";
import { db } from "@/lib/db";
import { attemptIdSchema } from "@/lib/exams/ids";
import { setAttemptPaused } from "@/lib/exams/pause-attempt";
import { examSettings } from "@/lib/exams/settings";
import { apiOk, defineRoute } from "@/lib/http/define-route";

export const POST = defineRoute(
  { session: "user", params: z.object({ attemptId: attemptIdSchema }), body: z.object({ paused: z.boolean() }), maxBodyBytes: 1024 },
  async ({ user, params, body, arrivedAt }) =>
    apiOk(await setAttemptPaused(db, { userId: user.id, attemptId: params.attemptId, paused: body.paused, now: arrivedAt, settings: examSettings() })),
);
