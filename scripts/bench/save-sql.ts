// The answer-save UPDATE of saveAnswers (lib/exams/attempts.ts), as Prisma sends
// it to PostgreSQL ($n placeholders in the order the template's values appear),
// for the capacity ladder's bare targets: pgbench, the bare Node server and the
// bare Next.js route. `assertSameSaveSql` fails the bench when the copy and the
// app's statement drift apart, so every rung of the ladder runs the same SQL.
import { readFileSync } from "node:fs";
import path from "node:path";

export const SAVE_ANSWER_SQL = `
      UPDATE "AttemptItem" ai
      SET "chosenKeys" = $1::text[], flagged = $2, unsure = $3,
          "timeSpentMs" = GREATEST(ai."timeSpentMs", $4::int), "saveSeq" = $5::bigint,
          "answeredAt" = $6
      FROM (SELECT id, "userId", status, deadline FROM "Attempt" WHERE id = $7 FOR KEY SHARE) a, "AuthSession" s
      WHERE ai."attemptId" = a.id AND ai.position = $8
        AND a."userId" = $9 AND a.status = 'IN_PROGRESS'
        AND (a.deadline IS NULL OR a.deadline >= $10)
        AND s.id = $11 AND s."userId" = a."userId" AND s."revokedAt" IS NULL AND s."expiresAt" > $12
        AND ai."saveSeq" < $13::bigint
        AND ai."revealedAt" IS NULL
        AND $14::text[] <@ ai."choiceOrder"
        AND cardinality($15::text[]) <= ai."chooseCount"
      RETURNING ai."saveSeq"`;

/** The template's values in order, as saveAnswers writes them. */
const SAVE_ANSWER_VALUES = [
  "save.chosenKeys",
  "save.flagged",
  "save.unsure",
  "save.timeSpentMs",
  "save.seq.toString()",
  "now",
  "attemptId",
  "save.position",
  "userId",
  "cutoff",
  "sessionId",
  "now",
  "save.seq.toString()",
  "save.chosenKeys",
  "save.chosenKeys",
] as const;

export type BareSave = { position: number; chosenKeys: string[]; flagged: boolean; unsure: boolean; timeSpentMs: number; seq: string };

/** Parameters for SAVE_ANSWER_SQL, in placeholder order. */
export function saveAnswerParams(options: {
  save: BareSave;
  attemptId: string;
  userId: string;
  sessionId: string;
  now: Date;
  cutoff: Date;
}): unknown[] {
  const { save, attemptId, userId, sessionId, now, cutoff } = options;
  return [
    save.chosenKeys,
    save.flagged,
    save.unsure,
    save.timeSpentMs,
    save.seq,
    now,
    attemptId,
    save.position,
    userId,
    cutoff,
    sessionId,
    now,
    save.seq,
    save.chosenKeys,
    save.chosenKeys,
  ];
}

const squash = (sql: string) => sql.replace(/\s+/g, " ").trim();

/** Throws unless SAVE_ANSWER_SQL is the statement saveAnswers sends today. */
export function assertSameSaveSql(root: string): void {
  const source = readFileSync(path.join(root, "lib/exams/attempts.ts"), "utf8");
  const marker = "db.$queryRaw<Array<{ saveSeq: bigint }>>`";
  const start = source.indexOf(marker);
  if (start < 0) throw new Error("bench: the answer-save statement was not found in lib/exams/attempts.ts");
  const body = source.slice(start + marker.length, source.indexOf("`", start + marker.length));
  const values: string[] = [];
  const text = body.replace(/\$\{([^}]*)\}/g, (_m, expression: string) => {
    values.push(expression.trim());
    return `$${values.length}`;
  });
  if (squash(text) !== squash(SAVE_ANSWER_SQL) || values.join("|") !== SAVE_ANSWER_VALUES.join("|")) {
    throw new Error(
      "bench: scripts/bench/save-sql.ts no longer matches saveAnswers' UPDATE in lib/exams/attempts.ts; copy it again.\n" +
        `app:   ${squash(text)}\nbench: ${squash(SAVE_ANSWER_SQL)}\nvalues: ${values.join(", ")}`,
    );
  }
}
