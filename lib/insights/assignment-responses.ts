// An assignment's responses for its instructor (and admins): one row per
// student and question of every attempt, for the CSV download. The caller's
// right is checked before the first row; the rows are then read a few
// attempts at a time, so a 300-student mock (about 20,000 rows) never sits in
// memory whole.
import "server-only";
import type { SessionUser } from "@/lib/auth/guard";
import { managedAssignment } from "@/lib/classes/class-access";
import type { Db } from "@/lib/db";
import type { QuestionSnapshot } from "@/lib/exams/item-model";
import { plainQuestionText } from "@/lib/exams/question-text";
import type { Cell } from "./csv";

/** Attempts per round trip: 25 mocks are about 1,600 rows. */
const ATTEMPTS_PER_BATCH = 25;

export const RESPONSE_HEADER: Cell[] = [
  "Student",
  "Email",
  "Attempt",
  "Status",
  "Question id",
  "Position",
  "Domain",
  "Task statement",
  "Question",
  "Chosen keys",
  "Correct keys",
  "Correct",
  "Time spent (ms)",
  "Answered at",
];

export type ResponseExport = { classId: string; title: string; className: string; header: Cell[]; batches: AsyncGenerator<Cell[][]> };

export async function assignmentResponses(db: Db, caller: Pick<SessionUser, "id" | "role">, assignmentId: string): Promise<ResponseExport> {
  const assignment = await managedAssignment(db, caller, assignmentId);
  return { classId: assignment.classId, title: assignment.title, className: assignment.class.name, header: RESPONSE_HEADER, batches: responseBatches(db, assignmentId) };
}

async function* responseBatches(db: Db, assignmentId: string): AsyncGenerator<Cell[][]> {
  const attempts = await db.attempt.findMany({
    where: { assignmentId },
    select: { id: true, userId: true, status: true, user: { select: { name: true, email: true } } },
    orderBy: [{ user: { name: "asc" } }, { userId: "asc" }, { startedAt: "asc" }, { id: "asc" }],
  });
  const numberOf = new Map<string, number>();
  const seen = new Map<string, number>();
  for (const a of attempts) {
    const n = (seen.get(a.userId) ?? 0) + 1;
    seen.set(a.userId, n);
    numberOf.set(a.id, n);
  }
  const snapshots = new Map<string, QuestionSnapshot>();
  for (let start = 0; start < attempts.length; start += ATTEMPTS_PER_BATCH) {
    const batch = attempts.slice(start, start + ATTEMPTS_PER_BATCH);
    const items = await db.attemptItem.findMany({
      where: { attemptId: { in: batch.map((a) => a.id) } },
      select: { attemptId: true, position: true, questionId: true, questionVersion: true, chosenKeys: true, correct: true, timeSpentMs: true, answeredAt: true },
      orderBy: [{ attemptId: "asc" }, { position: "asc" }],
    });
    const missing = [...new Set(items.map((i) => `${i.questionId}@${i.questionVersion}`))].filter((k) => !snapshots.has(k));
    if (missing.length) {
      const found = await db.questionVersion.findMany({
        where: { OR: missing.map((k) => ({ questionId: k.slice(0, k.lastIndexOf("@")), version: Number(k.slice(k.lastIndexOf("@") + 1)) })) },
        select: { questionId: true, version: true, snapshot: true },
      });
      for (const v of found) snapshots.set(`${v.questionId}@${v.version}`, v.snapshot as unknown as QuestionSnapshot);
    }
    const itemsOf = new Map<string, typeof items>();
    for (const i of items) (itemsOf.get(i.attemptId) ?? itemsOf.set(i.attemptId, []).get(i.attemptId)!).push(i);
    const rows: Cell[][] = [];
    for (const a of batch) {
      for (const item of itemsOf.get(a.id) ?? []) {
        const snap = snapshots.get(`${item.questionId}@${item.questionVersion}`);
        const correctKeys = snap?.choices.filter((c) => c.correct).map((c) => c.key) ?? [];
        rows.push([
          a.user.name,
          a.user.email,
          numberOf.get(a.id)!,
          a.status,
          item.questionId,
          item.position + 1, // as the attempt shows it: Q1 first
          snap ? Number(snap.taskStatement.split(".")[0]) : null,
          snap?.taskStatement ?? null,
          snap ? plainQuestionText(snap.stem).slice(0, 300) : null,
          item.chosenKeys.join(" "),
          correctKeys.join(" "),
          item.correct === null ? "" : item.correct ? "yes" : "no",
          item.timeSpentMs,
          item.answeredAt?.toISOString() ?? null,
        ]);
      }
    }
    yield rows;
  }
}
