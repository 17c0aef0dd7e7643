// Upserts the content pack into the database by stable id.
// - Unchanged rows are not written, so syncing twice changes nothing.
// - An edited question gets a new version (its QuestionVersion snapshot keeps
//   what earlier attempts were shown and graded on).
// - A question or lesson that leaves the pack is retired, never deleted.
import { createHash } from "node:crypto";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { ContentPack } from "./pack";
import { type ContentItem, isExamQuestion } from "./schema";

export const EXAM_ID = "dva-c02";

export type SyncReport = {
  created: { questions: number; lessons: number };
  updated: { questions: number; lessons: number; blueprintRows: number };
  retired: { questions: number; lessons: number };
  restored: { questions: number; lessons: number };
  unchanged: { questions: number; lessons: number };
};

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export function contentHash(value: unknown): string {
  return createHash("sha256").update(JSON.stringify(value)).digest("hex");
}

const QUESTION_TYPE = {
  single: "SINGLE",
  multiple: "MULTIPLE",
  ordering: "ORDERING",
  matching: "MATCHING",
  numeric: "NUMERIC",
} as const;

/** What a student is shown and graded on: the unit that versions a question. */
export function questionSnapshot(item: ContentItem) {
  const base = {
    type: item.type,
    stem: item.stem,
    difficulty: item.difficulty,
    taskStatement: item.taskStatement,
    topic: item.topic,
    lesson: item.lesson,
    references: item.references,
  };
  if (isExamQuestion(item)) {
    return { ...base, choices: item.choices.map(({ key, text, correct, explanation }) => ({ key, text, correct, explanation })), practice: null };
  }
  const {
    id: _id,
    type: _type,
    stem: _stem,
    difficulty: _d,
    taskStatement: _ts,
    topic: _t,
    lesson: _l,
    references: _r,
    examGuide: _g,
    ...practice
  } = item;
  return { ...base, choices: [], practice };
}

/** JSON with object keys sorted, so values compare equal whatever order a row's keys come back in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/** True when the stored row already holds every desired field's value. */
function rowMatches(existing: object | null | undefined, desired: Record<string, unknown>): boolean {
  if (!existing) return false;
  const stored = existing as Record<string, unknown>;
  return Object.keys(desired).every((key) => canonical(stored[key]) === canonical(desired[key]));
}

async function syncBlueprint(tx: Tx, pack: ContentPack): Promise<number> {
  const blueprint = pack.blueprint!;
  let writes = 0;
  const exam = {
    id: EXAM_ID,
    code: blueprint.exam.code,
    title: blueprint.exam.title,
    questionCount: blueprint.exam.questionCount,
    minutes: blueprint.exam.minutes,
    passingScore: blueprint.exam.scaledScore.passing,
    scaledMin: blueprint.exam.scaledScore.min,
    scaledMax: blueprint.exam.scaledScore.max,
    blueprint: blueprint.exam as unknown as object,
  };
  const existingExam = await tx.exam.findUnique({ where: { id: EXAM_ID } });
  if (!rowMatches(existingExam, exam)) {
    await tx.exam.upsert({ where: { id: EXAM_ID }, create: exam, update: exam });
    writes++;
  }

  const [domains, taskStatements, topics] = await Promise.all([
    tx.domain.findMany({ where: { examId: EXAM_ID } }),
    tx.taskStatement.findMany(),
    tx.topic.findMany(),
  ]);
  const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
  const domainRows = byId(domains);
  const tsRows = byId(taskStatements);
  const topicRows = byId(topics);

  for (const d of blueprint.domains) {
    const row = { id: `${EXAM_ID}:${d.number}`, examId: EXAM_ID, number: d.number, title: d.title, weight: d.weight };
    if (!rowMatches(domainRows.get(row.id), row)) {
      await tx.domain.upsert({ where: { id: row.id }, create: row, update: row });
      writes++;
    }
    for (const [tsIndex, ts] of d.taskStatements.entries()) {
      const tsRow = {
        id: ts.code,
        domainId: row.id,
        code: ts.code,
        title: ts.title,
        knowledge: ts.knowledge,
        skills: ts.skills,
        position: tsIndex,
      };
      if (!rowMatches(tsRows.get(tsRow.id), tsRow)) {
        await tx.taskStatement.upsert({ where: { id: tsRow.id }, create: tsRow, update: tsRow });
        writes++;
      }
      for (const [topicIndex, topic] of ts.topics.entries()) {
        const topicRow = { id: topic.id, taskStatementId: ts.code, title: topic.title, position: topicIndex };
        if (!rowMatches(topicRows.get(topicRow.id), topicRow)) {
          await tx.topic.upsert({ where: { id: topicRow.id }, create: topicRow, update: topicRow });
          writes++;
        }
      }
    }
  }
  return writes;
}

async function syncLessons(tx: Tx, pack: ContentPack, now: Date, report: SyncReport) {
  const existing = new Map(
    (await tx.lesson.findMany({ select: { id: true, contentHash: true, retiredAt: true } })).map((l) => [l.id, l]),
  );
  const inPack = new Set<string>();
  const written: string[] = [];
  for (const { frontmatter: fm, body } of pack.lessons) {
    inPack.add(fm.id);
    const hash = contentHash({ fm, body });
    const row = {
      id: fm.id,
      domainId: `${EXAM_ID}:${fm.domain}`,
      taskStatementId: fm.taskStatement,
      title: fm.title,
      body,
      order: fm.order,
      readingMinutes: fm.readingMinutes,
      objectives: fm.objectives,
      related: fm.related,
      contentHash: hash,
      retiredAt: null,
    };
    const current = existing.get(fm.id);
    if (current && current.contentHash === hash && !current.retiredAt) {
      report.unchanged.lessons++;
      continue;
    }
    if (!current) report.created.lessons++;
    else if (current.contentHash === hash) report.restored.lessons++;
    else report.updated.lessons++;
    await tx.lesson.upsert({ where: { id: fm.id }, create: row, update: row });
    written.push(fm.id);
    await tx.lessonTopic.deleteMany({ where: { lessonId: fm.id } });
    await tx.lessonTopic.createMany({
      data: fm.topics.map((topicId, position) => ({ lessonId: fm.id, topicId, position })),
    });
  }
  const gone = [...existing.values()].filter((l) => !inPack.has(l.id) && !l.retiredAt).map((l) => l.id);
  if (gone.length) {
    await tx.lesson.updateMany({ where: { id: { in: gone } }, data: { retiredAt: now } });
    report.retired.lessons += gone.length;
  }
  // The search document: title weighs most, then objectives, then the body.
  // Also fills rows synced before the column existed.
  await tx.$executeRaw`
    UPDATE "Lesson" SET "searchVector" =
      setweight(to_tsvector('english', title), 'A') ||
      setweight(to_tsvector('english', array_to_string(objectives, ' ')), 'B') ||
      setweight(to_tsvector('english', body), 'C')
    WHERE id = ANY(${written}::text[]) OR "searchVector" IS NULL`;
}

async function syncQuestions(tx: Tx, pack: ContentPack, now: Date, report: SyncReport) {
  const unscored = new Set(pack.blueprint!.exam.guideAdditions.filter((g) => !g.scored).map((g) => g.id));
  const existing = new Map(
    (await tx.question.findMany({ select: { id: true, contentHash: true, version: true, retiredAt: true } })).map((q) => [
      q.id,
      q,
    ]),
  );
  const inPack = new Set<string>();
  const newQuestions: Prisma.QuestionCreateManyInput[] = [];
  const newChoices: Prisma.ChoiceCreateManyInput[] = [];
  const newVersions: Prisma.QuestionVersionCreateManyInput[] = [];

  for (const { item } of pack.items) {
    inPack.add(item.id);
    const snapshot = questionSnapshot(item);
    const pool = isExamQuestion(item) && item.pool === "final" ? ("FINAL" as const) : ("MAIN" as const);
    const hash = contentHash({ snapshot, pool, examGuide: item.examGuide });
    const current = existing.get(item.id);
    if (current && current.contentHash === hash) {
      if (current.retiredAt) {
        await tx.question.update({ where: { id: item.id }, data: { retiredAt: null } });
        report.restored.questions++;
      } else {
        report.unchanged.questions++;
      }
      continue;
    }
    const version = current ? current.version + 1 : 1;
    const row = {
      taskStatementId: item.taskStatement,
      topicId: item.topic,
      lessonId: item.lesson,
      type: QUESTION_TYPE[item.type],
      stem: item.stem,
      difficulty: item.difficulty,
      practice: (snapshot.practice ?? undefined) as object | undefined,
      pool,
      scored: !item.examGuide.some((tag) => unscored.has(tag)),
      references: item.references,
      examGuide: item.examGuide,
      contentHash: hash,
      version,
      retiredAt: null,
    };
    const choices = snapshot.choices.map((c, position) => ({ questionId: item.id, position, ...c }));
    const versionRow = { questionId: item.id, version, contentHash: hash, snapshot: snapshot as unknown as object };
    if (!current) {
      newQuestions.push({ id: item.id, ...row });
      newChoices.push(...choices);
      newVersions.push(versionRow);
      report.created.questions++;
    } else {
      await tx.question.update({ where: { id: item.id }, data: row });
      await tx.choice.deleteMany({ where: { questionId: item.id } });
      if (choices.length) await tx.choice.createMany({ data: choices });
      await tx.questionVersion.create({ data: versionRow });
      report.updated.questions++;
    }
  }
  if (newQuestions.length) {
    await tx.question.createMany({ data: newQuestions });
    if (newChoices.length) await tx.choice.createMany({ data: newChoices });
    await tx.questionVersion.createMany({ data: newVersions });
  }
  const gone = [...existing.values()].filter((q) => !inPack.has(q.id) && !q.retiredAt).map((q) => q.id);
  if (gone.length) {
    await tx.question.updateMany({ where: { id: { in: gone } }, data: { retiredAt: now } });
    report.retired.questions += gone.length;
  }
}

export async function syncContent(db: PrismaClient, pack: ContentPack, now = new Date()): Promise<SyncReport> {
  if (!pack.blueprint) throw new Error("The content pack has no valid blueprint; run npm run content:check");
  const report: SyncReport = {
    created: { questions: 0, lessons: 0 },
    updated: { questions: 0, lessons: 0, blueprintRows: 0 },
    retired: { questions: 0, lessons: 0 },
    restored: { questions: 0, lessons: 0 },
    unchanged: { questions: 0, lessons: 0 },
  };
  await db.$transaction(
    async (tx) => {
      report.updated.blueprintRows = await syncBlueprint(tx, pack);
      await syncLessons(tx, pack, now, report);
      await syncQuestions(tx, pack, now, report);
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  return report;
}
