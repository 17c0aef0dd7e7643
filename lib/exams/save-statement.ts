// The answer-save UPDATE as one value: saveAnswers sends it through Prisma, and
// the bench's capacity ladder (pgbench, bare node:http, bare Next.js route)
// sends the very same statement object's text and values, so every rung runs
// the app's SQL without a copy. No I/O here.
//
// One statement checks, together: the session is live, the attempt is the
// caller's and open, the deadline plus grace has not passed (judged by when the
// request arrived), the sequence number is newer, the item was not checked yet,
// and (for choice items) the keys belong to the question and are not more than
// it asks for. The attempt is read FOR KEY SHARE: saves never wait for each
// other, but one that arrives while the attempt is being graded (which holds FOR
// UPDATE) waits, then sees the attempt closed and is refused.
import { Prisma } from "@/lib/generated/prisma/client";

export type SaveStatementInput = {
  save: { position: number; chosenKeys: string[]; flagged: boolean; unsure: boolean; timeSpentMs: number; seq: bigint | string };
  attemptId: string;
  userId: string;
  sessionId: string;
  /** When the request arrived. */
  now: Date;
  graceSeconds: number;
};

export function saveAnswerStatement(input: SaveStatementInput): Prisma.Sql {
  const { save, attemptId, userId, sessionId, now } = input;
  const cutoff = new Date(now.getTime() - input.graceSeconds * 1000);
  const seq = save.seq.toString();
  return Prisma.sql`
      UPDATE "AttemptItem" ai
      SET "chosenKeys" = ${save.chosenKeys}::text[], flagged = ${save.flagged}, unsure = ${save.unsure},
          "timeSpentMs" = GREATEST(ai."timeSpentMs", ${save.timeSpentMs}::int), "saveSeq" = ${seq}::bigint,
          "answeredAt" = ${now}
      FROM (SELECT id, "userId", status, deadline FROM "Attempt" WHERE id = ${attemptId} FOR KEY SHARE) a, "AuthSession" s
      WHERE ai."attemptId" = a.id AND ai.position = ${save.position}
        AND a."userId" = ${userId} AND a.status = 'IN_PROGRESS'
        AND (a.deadline IS NULL OR a.deadline >= ${cutoff})
        AND s.id = ${sessionId} AND s."userId" = a."userId" AND s."revokedAt" IS NULL AND s."expiresAt" > ${now}
        AND ai."saveSeq" < ${seq}::bigint
        AND ai."revealedAt" IS NULL
        AND (ai.kind <> 'CHOICE' OR ${save.chosenKeys}::text[] <@ ai."choiceOrder")
        AND cardinality(${save.chosenKeys}::text[]) <= ai."chooseCount"
      RETURNING ai."saveSeq"`;
}
