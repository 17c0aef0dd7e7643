// Full-text search over the lessons: PostgreSQL's websearch_to_tsquery
// against Lesson.searchVector (title A, objectives B, body C; kept by the
// content sync), ranked with ts_rank, with a snippet of the body around the
// matches.
import "server-only";
import { EXAM_ID } from "@/lib/content/sync";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { HEADLINE_OPTIONS, type SnippetSegment, snippetSegments } from "./search-snippet";

export type LessonSearchHit = {
  id: string;
  title: string;
  readingMinutes: number;
  domainNumber: number;
  taskStatementCode: string;
  rank: number;
  snippet: SnippetSegment[];
};

export const LESSON_SEARCH_LIMIT = 20;

/** Live lessons matching `query` (already validated), best first. */
export async function searchLessons(
  db: PrismaClient,
  { query, limit = LESSON_SEARCH_LIMIT }: { query: string; limit?: number },
): Promise<LessonSearchHit[]> {
  // Tagged template: every ${…} is sent as a bind parameter, never spliced into the SQL.
  const rows = await db.$queryRaw<
    Array<{ id: string; title: string; readingMinutes: number; domainNumber: number; taskStatementCode: string; rank: number; headline: string }>
  >`
    SELECT hit.id, hit.title, hit."readingMinutes", hit."domainNumber", hit."taskStatementCode", hit.rank,
           ts_headline('english', hit.body, hit.query, ${HEADLINE_OPTIONS}) AS headline
    FROM (
      SELECT l.id, l.title, l.body, l."readingMinutes", d.number AS "domainNumber", l."taskStatementId" AS "taskStatementCode",
             ts_rank(l."searchVector", q.query)::float8 AS rank, q.query, l."order"
      FROM "Lesson" l
      JOIN "Domain" d ON d.id = l."domainId"
      CROSS JOIN websearch_to_tsquery('english', ${query}) AS q(query)
      WHERE l."retiredAt" IS NULL AND d."examId" = ${EXAM_ID} AND l."searchVector" @@ q.query
      ORDER BY rank DESC, d.number ASC, l."order" ASC
      LIMIT ${limit}
    ) AS hit
    ORDER BY hit.rank DESC, hit."domainNumber" ASC, hit."order" ASC`;
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    readingMinutes: Number(row.readingMinutes),
    domainNumber: Number(row.domainNumber),
    taskStatementCode: row.taskStatementCode,
    rank: Number(row.rank),
    snippet: snippetSegments(row.headline),
  }));
}
