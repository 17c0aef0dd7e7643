// A deterministic look at one interleaving the submit storm can only hit by
// chance: a save arriving while its attempt is being graded. Connection A does
// what grading does (lock the attempt FOR UPDATE, read the items, write
// `correct`, close the attempt, commit); connection B sends saveAnswers' exact
// UPDATE between A's read and A's commit. If B returns a row before A commits,
// the app acknowledges a save the grade does not include. The same interleaving
// is tried with the statement saveAnswers used before commit dc85ac6, which
// joined the attempt without a lock (the defect this probe found).
import { benchSessionId } from "../sessions";
import pg from "pg";
import { type BenchContext, appRequest, jsonHeaders } from "../context";
import { SAVE_ANSWER_SQL, saveAnswerParams } from "../save-sql";

export type RaceTrial = {
  variant: "app's save statement" | "previous statement (attempt joined without a lock)";
  saveReturnedBeforeGradeCommitted: boolean;
  saveRowsUpdated: number;
  saveWaitedMs: number;
  stored: { chosenKeys: string[]; correct: boolean | null; answerIsRight: boolean };
  attemptStatus: string;
  ackedButNotGraded: boolean;
};

/** saveAnswers' UPDATE before commit dc85ac6: the attempt joined without a lock (same parameters). */
const UNLOCKED_SAVE_SQL = `
      UPDATE "AttemptItem" ai
      SET "chosenKeys" = $1::text[], flagged = $2, unsure = $3,
          "timeSpentMs" = GREATEST(ai."timeSpentMs", $4::int), "saveSeq" = $5::bigint,
          "answeredAt" = $6
      FROM "Attempt" a, "AuthSession" s
      WHERE ai."attemptId" = $7 AND ai.position = $8
        AND a.id = ai."attemptId" AND a."userId" = $9 AND a.status = 'IN_PROGRESS'
        AND (a.deadline IS NULL OR a.deadline >= $10)
        AND s.id = $11 AND s."userId" = a."userId" AND s."revokedAt" IS NULL AND s."expiresAt" > $12
        AND ai."saveSeq" < $13::bigint
        AND ai."revealedAt" IS NULL
        AND $14::text[] <@ ai."choiceOrder"
        AND cardinality($15::text[]) <= ai."chooseCount"
      RETURNING ai."saveSeq"`;

async function trial(ctx: BenchContext, cookie: string, userId: string, variant: RaceTrial["variant"]): Promise<RaceTrial> {
  const started = await appRequest(ctx, { method: "POST", path: "/api/bench/start", headers: jsonHeaders(cookie), body: '{"mode":"MOCK"}' });
  if (started.status !== 200) throw new Error(`grading race probe: start answered ${started.status}`);
  const { attemptId } = JSON.parse(started.body) as { attemptId: string };
  const item = await ctx.sql.query<{ correctKey: string }>(
    `SELECT (SELECT c->>'key' FROM jsonb_array_elements(qv.snapshot->'choices') c WHERE (c->>'correct')::boolean LIMIT 1) AS "correctKey"
     FROM "AttemptItem" ai JOIN "QuestionVersion" qv ON qv."questionId" = ai."questionId" AND qv.version = ai."questionVersion"
     WHERE ai."attemptId" = $1 AND ai.position = 0`,
    [attemptId],
  );
  const rightAnswer = [item.rows[0]!.correctKey];
  const grader = new pg.Client(ctx.dbUrl);
  const saver = new pg.Client(ctx.dbUrl);
  await Promise.all([grader.connect(), saver.connect()]);
  try {
    await grader.query("BEGIN");
    await grader.query(`SELECT status, "userId" FROM "Attempt" WHERE id = $1 FOR UPDATE`, [attemptId]);
    const read = await grader.query<{ position: number; chosenKeys: string[] }>(
      `SELECT position, "chosenKeys" FROM "AttemptItem" WHERE "attemptId" = $1 ORDER BY position`,
      [attemptId],
    );
    // The student's other tab saves the right answer to question 1 now.
    const now = new Date();
    const t0 = performance.now();
    let returnedAt = 0;
    const save = saver
      .query(variant === "app's save statement" ? SAVE_ANSWER_SQL : UNLOCKED_SAVE_SQL, saveAnswerParams({
        save: { position: 0, chosenKeys: rightAnswer, flagged: false, unsure: false, timeSpentMs: 1_000, seq: ctx.seq.next() },
        attemptId,
        userId,
        sessionId: benchSessionId(userId),
        now,
        cutoff: new Date(now.getTime() - ctx.graceSeconds * 1000),
      }))
      .then((r) => {
        returnedAt = performance.now();
        return r.rowCount ?? 0;
      });
    await new Promise((r) => setTimeout(r, 300));
    const returnedBeforeCommit = returnedAt > 0;
    // Grade from what was read: question 1 was unanswered then, so it is wrong.
    if (read.rows.find((r) => r.position === 0)!.chosenKeys.length !== 0) throw new Error("grading race probe: question 1 was already answered");
    await grader.query(`UPDATE "AttemptItem" SET correct = false WHERE "attemptId" = $1 AND position = 0`, [attemptId]);
    await grader.query(`UPDATE "Attempt" SET status = 'SUBMITTED', "submittedAt" = now(), "gradedAt" = now() WHERE id = $1`, [attemptId]);
    await grader.query("COMMIT");
    const rows = await save;
    const after = await ctx.sql.query<{ chosenKeys: string[]; correct: boolean | null; status: string }>(
      `SELECT ai."chosenKeys", ai.correct, a.status FROM "AttemptItem" ai JOIN "Attempt" a ON a.id = ai."attemptId" WHERE ai."attemptId" = $1 AND ai.position = 0`,
      [attemptId],
    );
    const row = after.rows[0]!;
    const answerIsRight = row.chosenKeys.join() === rightAnswer.join();
    return {
      variant,
      saveReturnedBeforeGradeCommitted: returnedBeforeCommit,
      saveRowsUpdated: rows,
      saveWaitedMs: Math.round(returnedAt - t0),
      stored: { chosenKeys: row.chosenKeys, correct: row.correct, answerIsRight },
      attemptStatus: row.status,
      ackedButNotGraded: rows === 1 && answerIsRight && row.correct === false,
    };
  } finally {
    await Promise.all([grader.end(), saver.end()]);
  }
}

export async function gradingRaceProbe(ctx: BenchContext, warm: { cookie: string; userId: string }): Promise<RaceTrial[]> {
  const out: RaceTrial[] = [];
  for (const variant of ["app's save statement", "previous statement (attempt joined without a lock)"] as const) {
    const t = await trial(ctx, warm.cookie, warm.userId, variant);
    ctx.log(`grading race probe (${variant}): save returned before the grade committed: ${t.saveReturnedBeforeGradeCommitted}, rows ${t.saveRowsUpdated}, acknowledged but not graded: ${t.ackedButNotGraded}`);
    out.push(t);
  }
  return out;
}
