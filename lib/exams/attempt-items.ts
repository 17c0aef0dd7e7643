// Reading an attempt and its items with the question versions they were drawn
// from; shared by the runner, saves, checks, grading and results.
import "server-only";
import type { Db } from "@/lib/db";
import { directQuery } from "@/lib/database/direct";
import { Prisma } from "@/lib/generated/prisma/client";
import { attemptNotFound } from "./errors";
import { type AnswerKey, correctResponse, isResponseCorrect } from "./answer-rules";
import { type ItemDisplay, type KeySnapshot, type QuestionSnapshot, presentItem } from "./item-model";
import type { AttemptStatus } from "./grade-attempt";
import type { AttemptMode } from "./modes";
import { type VersionRef, questionSnapshots } from "./question-versions";
import type { SaveTarget } from "./carried-saves";
import { sessionLiveFor } from "./grade-statement";

type Reader = Db | Prisma.TransactionClient;

export type ItemRow = {
  position: number;
  questionId: string;
  kind: "CHOICE" | "ORDERING" | "MATCHING" | "NUMERIC";
  choiceOrder: string[];
  chooseCount: number;
  chosenKeys: string[];
  flagged: boolean;
  unsure: boolean;
  timeSpentMs: number;
  saveSeq: bigint;
  revealedAt: Date | null;
  correct: boolean | null;
  snapshot: QuestionSnapshot;
  lessonId: string;
};

export async function loadAttemptItems(db: Reader, attemptId: string): Promise<ItemRow[]> {
  const rows = await db.$queryRaw<Array<Omit<ItemRow, "snapshot"> & VersionRef>>`
    SELECT ai.position, ai."questionId", ai.kind::text AS kind, ai."choiceOrder", ai."chooseCount", ai."chosenKeys", ai.flagged,
           ai.unsure, ai."timeSpentMs", ai."saveSeq", ai."revealedAt", ai.correct, q."lessonId",
           ai."questionVersion" AS version, qv."contentHash"
    FROM "AttemptItem" ai
    JOIN "QuestionVersion" qv ON qv."questionId" = ai."questionId" AND qv.version = ai."questionVersion"
    JOIN "Question" q ON q.id = ai."questionId"
    WHERE ai."attemptId" = ${attemptId}
    ORDER BY ai.position`;
  const snapshots = await questionSnapshots(db, rows);
  return rows.map((row, i) => ({ ...row, snapshot: snapshots[i]! }));
}

/** An item as grading reads it: the response and what judging it needs of its question version. */
export type GradingRow = { position: number; choiceOrder: string[]; chosenKeys: string[]; timeSpentMs: number; taskStatement: string; snapshot: KeySnapshot };

/** The items of an attempt for grading, with their question versions' keys. */
export async function loadGradingRows(db: Reader, attemptId: string): Promise<GradingRow[]> {
  const rows = await db.$queryRaw<Array<Omit<GradingRow, "snapshot" | "taskStatement"> & VersionRef>>`
    SELECT ai.position, ai."choiceOrder", ai."chosenKeys", ai."timeSpentMs", ai."questionId", ai."questionVersion" AS version, qv."contentHash"
    FROM "AttemptItem" ai
    JOIN "QuestionVersion" qv ON qv."questionId" = ai."questionId" AND qv.version = ai."questionVersion"
    WHERE ai."attemptId" = ${attemptId}
    ORDER BY ai.position`;
  const snapshots = await questionSnapshots(db, rows);
  return rows.map((row, i) => gradingRow(row, snapshots[i]!));
}

function gradingRow(row: Omit<GradingRow, "snapshot" | "taskStatement">, snapshot: QuestionSnapshot): GradingRow {
  const { position, choiceOrder, chosenKeys, timeSpentMs } = row;
  return { position, choiceOrder, chosenKeys, timeSpentMs, taskStatement: snapshot.taskStatement, snapshot };
}

/** An attempt as a submit reads it, in one statement straight to the pool (lib/database/direct.ts) and without a lock: its state, whether the caller's session is live, and its items for grading and for judging carried saves. */
export type SubmitState = { status: AttemptStatus; deadline: Date | null; sessionLive: boolean; items: Array<GradingRow & SaveTarget> };

export async function loadSubmitState(
  db: Db,
  options: { attemptId: string; userId: string; sessionId: string | null; now: Date },
): Promise<SubmitState | null> {
  const { attemptId, userId, sessionId, now } = options;
  const rows = await directQuery<
    { status: AttemptStatus; deadline: Date | null; sessionLive: boolean } & Omit<GradingRow & SaveTarget, "snapshot" | "taskStatement"> & VersionRef
  >(
    db,
    Prisma.sql`
    SELECT a.status::text AS status, a.deadline, ${sessionLiveFor(sessionId, now)} AS "sessionLive",
           ai.position, ai.kind::text AS kind, ai."choiceOrder", ai."chooseCount", ai."chosenKeys", ai."timeSpentMs", ai."saveSeq",
           ai."revealedAt" IS NOT NULL AS revealed, ai."questionId", ai."questionVersion" AS version, qv."contentHash"
    FROM "Attempt" a
    JOIN "AttemptItem" ai ON ai."attemptId" = a.id
    JOIN "QuestionVersion" qv ON qv."questionId" = ai."questionId" AND qv.version = ai."questionVersion"
    WHERE a.id = ${attemptId} AND a."userId" = ${userId}
    ORDER BY ai.position`,
  );
  if (!rows[0]) return null;
  const { status, deadline, sessionLive } = rows[0];
  const snapshots = await questionSnapshots(db, rows);
  const items = rows.map((row, i) => ({
    ...gradingRow(row, snapshots[i]!),
    kind: row.kind,
    chooseCount: row.chooseCount,
    saveSeq: row.saveSeq,
    revealed: row.revealed,
  }));
  return { status, deadline, sessionLive, items };
}

export type OwnedAttempt = {
  id: string;
  userId: string;
  mode: AttemptMode;
  status: AttemptStatus;
  startedAt: Date;
  deadline: Date | null;
  config: Prisma.JsonValue;
  questionCount: number;
  pausedAt: Date | null;
  remainingMs: number | null;
  assignmentId: string | null;
};

/** The caller's attempt, or NOT_FOUND (someone else's looks the same as none). Raw SQL: Prisma's findUnique took 0.84–1.69 ms of CPU a call, this 0.39–0.57 ms (two rounds of 400 calls in a loop). */
export async function ownedAttempt(db: Reader, attemptId: string, userId: string): Promise<OwnedAttempt> {
  const [attempt] = await db.$queryRaw<OwnedAttempt[]>`
    SELECT id, "userId", mode::text AS mode, status::text AS status, "startedAt", deadline, config, "questionCount",
           "pausedAt", "remainingMs", "assignmentId"
    FROM "Attempt" WHERE id = ${attemptId}`;
  if (!attempt || attempt.userId !== userId) throw attemptNotFound();
  return attempt;
}

/** Everything a reveal shows: the verdict, the right response and why (per choice, or one explanation). */
export type Reveal = {
  correct: boolean;
  correctResponse: string[];
  /** Single/multiple: one per choice. */
  choiceExplanations: Array<{ key: string; correct: boolean; explanation: string }>;
  /** Ordering, matching, numeric: the item's explanation. */
  explanation: string;
  lessonId: string;
  references: string[];
};

export function revealOf(snapshot: QuestionSnapshot, key: AnswerKey, response: readonly string[], lessonId: string): Reveal {
  return {
    correct: isResponseCorrect(key, response),
    correctResponse: correctResponse(key),
    choiceExplanations: snapshot.choices.map((c) => ({ key: c.key, correct: c.correct, explanation: c.explanation })),
    explanation: snapshot.practice?.explanation ?? "",
    lessonId,
    references: snapshot.references ?? [],
  };
}

/** The item as shown in this attempt, and its key (server side only). */
export function presentRow(row: Pick<ItemRow, "snapshot" | "choiceOrder">): { display: ItemDisplay; key: AnswerKey; shape: ReturnType<typeof presentItem>["shape"] } {
  return presentItem(row.snapshot, row.choiceOrder);
}
