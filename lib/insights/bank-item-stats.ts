// The bank-wide item statistics for staff: one page of questions with their
// QuestionStat row (kept by the refresh-question-stats job), sorted and
// filtered in SQL, and the whole table as CSV batches. Reads Question,
// TaskStatement, Domain and QuestionStat only: never the answers.
import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/app-error";
import type { SessionUser } from "@/lib/auth/guard";
import { isStaff } from "@/lib/auth/roles";
import type { Db } from "@/lib/db";
import { plainQuestionText } from "@/lib/exams/question-text";
import { Prisma } from "@/lib/generated/prisma/client";
import { difficultyLogit } from "@/lib/learning/mastery";
import type { Cell } from "./csv";
import { QUESTION_STAT_FLAGS, type QuestionStatFlag } from "./question-stat";
import { MIN_ANSWERS_FOR_FIT } from "./rasch";

export const BANK_STATS_PAGE_SIZE = 50;

/** Sortable columns and the SQL each sorts by (a whitelist: nothing from the URL reaches SQL). */
const SORTS = {
  question: Prisma.sql`q.id`,
  taskStatement: Prisma.sql`ts.position`,
  answers: Prisma.sql`s."answerCount"`,
  facility: Prisma.sql`s.facility`,
  discrimination: Prisma.sql`s.discrimination`,
  authored: Prisma.sql`q.difficulty`,
  fitted: Prisma.sql`s."fittedDifficulty"`,
} as const;
export type BankStatsSort = keyof typeof SORTS;
export const BANK_STATS_SORTS = Object.keys(SORTS) as BankStatsSort[];

/** The page's searchParams, each falling back to its default when absent or malformed. */
export const bankStatsParams = z.object({
  sort: z.enum(BANK_STATS_SORTS as [BankStatsSort, ...BankStatsSort[]]).catch("discrimination"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  domain: z.coerce.number().int().min(1).max(9).optional().catch(undefined),
  flag: z.enum(QUESTION_STAT_FLAGS as [QuestionStatFlag, ...QuestionStatFlag[]]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type BankStatsParams = z.output<typeof bankStatsParams>;

export type BankItemStat = {
  questionId: string;
  stem: string;
  type: string;
  domain: number;
  taskStatement: string;
  authoredDifficulty: number;
  answerCount: number;
  answeredByCount: number;
  facility: number | null;
  discrimination: number | null;
  fittedDifficulty: number | null;
  fittedDifficultySe: number | null;
  fitAnswerCount: number;
  /** True when the learning model uses the fitted difficulty (enough answers). */
  fitInUse: boolean;
  choiceCounts: Record<string, number>;
  flags: QuestionStatFlag[];
  updatedAt: Date | null;
};

export type BankItemStatsPage = {
  params: BankStatsParams;
  rows: BankItemStat[];
  total: number;
  pages: number;
  domains: Array<{ number: number; title: string }>;
  /** When the newest statistics were computed; null before the first refresh. */
  refreshedAt: Date | null;
};

/** Staff only; anyone else is told the page does not exist. */
export function assertStaff(caller: Pick<SessionUser, "role">): void {
  if (!isStaff(caller.role)) throw new AppError("NOT_FOUND", "We could not find that.");
}

type Row = Omit<BankItemStat, "fitInUse" | "stem" | "flags" | "choiceCounts"> & { stem: string; flags: string[] | null; choiceCounts: unknown };

const select = Prisma.sql`
  SELECT q.id AS "questionId", left(q.stem, 600) AS stem, q.type::text AS type, d.number AS domain, ts.code AS "taskStatement",
         q.difficulty AS "authoredDifficulty", COALESCE(s."answerCount", 0) AS "answerCount", COALESCE(s."answeredByCount", 0) AS "answeredByCount",
         s.facility, s.discrimination, s."fittedDifficulty", s."fittedDifficultySe", COALESCE(s."fitAnswerCount", 0) AS "fitAnswerCount",
         s."choiceCounts", s.flags, s."updatedAt"
  FROM "Question" q
  JOIN "TaskStatement" ts ON ts.id = q."taskStatementId"
  JOIN "Domain" d ON d.id = ts."domainId"
  LEFT JOIN "QuestionStat" s ON s."questionId" = q.id`;

function where(params: Pick<BankStatsParams, "domain" | "flag">) {
  const conditions = [Prisma.sql`q."retiredAt" IS NULL`];
  if (params.domain) conditions.push(Prisma.sql`d.number = ${params.domain}`);
  if (params.flag) conditions.push(Prisma.sql`${params.flag} = ANY(s.flags)`);
  return Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}`;
}

const toStat = (r: Row): BankItemStat => ({
  ...r,
  stem: plainQuestionText(r.stem),
  choiceCounts: (r.choiceCounts ?? {}) as Record<string, number>,
  flags: (r.flags ?? []) as QuestionStatFlag[],
  fitInUse: r.fittedDifficulty !== null && r.fitAnswerCount >= MIN_ANSWERS_FOR_FIT,
});

/** One page of the table. `params` as parsed by bankStatsParams (raw searchParams are parsed here too). */
export async function loadBankItemStats(db: Db, input: Partial<Record<keyof BankStatsParams, unknown>>): Promise<BankItemStatsPage> {
  const params = bankStatsParams.parse(input);
  const order = Prisma.sql`ORDER BY ${SORTS[params.sort]} ${params.dir === "asc" ? Prisma.sql`ASC` : Prisma.sql`DESC`} NULLS LAST, q.id ASC`;
  const filter = where(params);
  const [rows, counted, domains, newest] = await Promise.all([
    db.$queryRaw<Row[]>`${select} ${filter} ${order} LIMIT ${BANK_STATS_PAGE_SIZE} OFFSET ${(params.page - 1) * BANK_STATS_PAGE_SIZE}`,
    db.$queryRaw<Array<{ n: number }>>`
      SELECT count(*)::int AS n FROM "Question" q JOIN "TaskStatement" ts ON ts.id = q."taskStatementId" JOIN "Domain" d ON d.id = ts."domainId"
      LEFT JOIN "QuestionStat" s ON s."questionId" = q.id ${filter}`,
    db.domain.findMany({ select: { number: true, title: true }, orderBy: { number: "asc" } }),
    db.$queryRaw<Array<{ at: Date | null }>>`SELECT max("updatedAt") AS at FROM "QuestionStat"`,
  ]);
  const total = counted[0]?.n ?? 0;
  return {
    params,
    rows: rows.map(toStat),
    total,
    pages: Math.max(1, Math.ceil(total / BANK_STATS_PAGE_SIZE)),
    domains,
    refreshedAt: newest[0]?.at ?? null,
  };
}

/** The page's loader: staff only (anyone else gets NOT_FOUND), then one page of the table. */
export async function bankItemStatsForStaff(
  db: Db,
  caller: Pick<SessionUser, "role">,
  input: Partial<Record<keyof BankStatsParams, unknown>>,
): Promise<BankItemStatsPage> {
  assertStaff(caller);
  return loadBankItemStats(db, input);
}

export const ITEM_STATS_HEADER: Cell[] = [
  "Question id",
  "Domain",
  "Task statement",
  "Type",
  "Question",
  "Answers",
  "Answered by",
  "Facility",
  "Discrimination",
  "Authored difficulty (1-3)",
  "Authored logit",
  "Fitted difficulty (logit)",
  "Fitted SE",
  "Answers in fit",
  "Used by learning model",
  "Choice picks",
  "Flags",
  "Updated at",
];

const round = (x: number | null, digits = 4) => (x === null ? null : Number(x.toFixed(digits)));

/** The whole table for the CSV download, 200 questions a batch (keyset on the question id). */
export async function* itemStatBatches(db: Db): AsyncGenerator<Cell[][]> {
  let after = "";
  for (;;) {
    const rows = await db.$queryRaw<Row[]>`${select} ${where({})} AND q.id > ${after} ORDER BY q.id LIMIT 200`;
    if (rows.length === 0) return;
    after = rows.at(-1)!.questionId;
    yield rows.map(toStat).map((r) => [
      r.questionId,
      r.domain,
      r.taskStatement,
      r.type,
      r.stem.slice(0, 300),
      r.answerCount,
      r.answeredByCount,
      round(r.facility),
      round(r.discrimination),
      r.authoredDifficulty,
      difficultyLogit(r.authoredDifficulty),
      round(r.fittedDifficulty),
      round(r.fittedDifficultySe),
      r.fitAnswerCount,
      r.fitInUse ? "yes" : "no",
      Object.entries(r.choiceCounts)
        .map(([k, n]) => `${k}:${n}`)
        .join(" "),
      r.flags.join(" "),
      r.updatedAt?.toISOString() ?? null,
    ]);
  }
}
