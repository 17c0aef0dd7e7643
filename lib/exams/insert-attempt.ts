// Writing a new attempt and its items: one statement, the attempt row and every
// item together (a self-started exam and an assignment both start this way).
// One statement instead of Prisma's create plus an insert saves a round trip,
// and Prisma's createMany for the items spent ~17 ms of CPU on 65 rows
// (benchmark). With no transaction or lock around it (below), a mock start is
// two statements and took 5.16 ms of CPU against 8.87 ms for the six of a
// locked transaction (the bench's cost table, the two commits back to back).
//
// The insert does nothing when the student already has an open exam of the
// same mode that they started themselves (the partial unique index of
// migration 20261206163000_one_open_exam_per_student), or when it would be a
// final mock beyond their allowance: so a self-started exam needs no
// transaction and no lock, and of two starts racing (a double click, two
// tabs) one inserts and the other resumes it.
import "server-only";
import type { Prisma } from "@/lib/db";
import type { AttemptConfig } from "./attempt-title";
import { FINAL_MOCKS_PER_STUDENT } from "./exam-format";
import { newItemLayout } from "./item-model";
import type { AttemptMode } from "./modes";
import type { PoolQuestion } from "./question-pool";

export type NewAttempt = {
  id: string;
  userId: string;
  examId: string;
  mode: AttemptMode;
  assignmentId?: string | null;
  config: AttemptConfig;
  startedAt: Date;
  deadline: Date | null;
  timeMultiplier: number;
};

/**
 * Inserts the attempt with `questions` as its items, in order, each laid out
 * (choice order) by `random`. False when nothing was inserted: the student
 * already has an open self-started exam of this mode, or a final mock would
 * exceed FINAL_MOCKS_PER_STUDENT (both judged by the database as it inserts).
 */
export async function insertAttempt(tx: Prisma.TransactionClient, attempt: NewAttempt, questions: readonly PoolQuestion[], random: () => number): Promise<boolean> {
  const items = questions.map((q) => ({ q, layout: newItemLayout({ ...q.layout, stem: "", difficulty: 0, taskStatement: "", topic: "", lesson: "" }, random) }));
  const inserted = await tx.$executeRaw`
    WITH attempt AS (
      INSERT INTO "Attempt" (id, "userId", "examId", mode, "assignmentId", config, "questionCount", "startedAt", deadline, "timeMultiplier")
      SELECT ${attempt.id}, ${attempt.userId}, ${attempt.examId}, ${attempt.mode}::"AttemptMode", ${attempt.assignmentId ?? null},
             ${JSON.stringify(attempt.config)}::jsonb, ${questions.length}::int, ${attempt.startedAt}, ${attempt.deadline}, ${attempt.timeMultiplier}::float8
      WHERE ${attempt.mode}::text <> 'FINAL_MOCK'
         OR (SELECT count(*) FROM "Attempt" f WHERE f."userId" = ${attempt.userId} AND f.mode = 'FINAL_MOCK') < ${FINAL_MOCKS_PER_STUDENT}
      ON CONFLICT DO NOTHING
      RETURNING id
    )
    INSERT INTO "AttemptItem" ("attemptId", position, "questionId", "questionVersion", "choiceOrder", "chooseCount", kind)
    SELECT attempt.id, t.position - 1, t.question, t.version, string_to_array(t.keys, ','), t.choose, t.kind::"ItemKind"
    FROM attempt
    CROSS JOIN unnest(${items.map((i) => i.q.id)}::text[], ${items.map((i) => i.q.version)}::int[],
                      ${items.map((i) => i.layout.choiceOrder.join(","))}::text[], ${items.map((i) => i.layout.chooseCount)}::int[],
                      ${items.map((i) => i.layout.kind)}::text[])
         WITH ORDINALITY AS t(question, version, keys, choose, kind, position)`;
  return inserted > 0;
}
