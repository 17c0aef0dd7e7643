// Schemas for every file in the content pack. Pure: no I/O, no framework.
import { z } from "zod";

const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lowercase kebab-case (a-z, 0-9, -)");
const taskStatementCode = z.string().regex(/^[1-4]\.[1-9]$/, 'must look like "1.2"');
const nonEmpty = z.string().trim().min(1, "must not be empty");

export const topicSchema = z.strictObject({
  id,
  title: nonEmpty,
  notes: z.array(z.string().regex(/^\d{3}$/)).min(1),
});

export const taskStatementSchema = z.strictObject({
  code: taskStatementCode,
  title: nonEmpty,
  knowledge: z.array(nonEmpty).min(1),
  skills: z.array(nonEmpty).min(1),
  topics: z.array(topicSchema).min(1),
});

export const domainSchema = z.strictObject({
  number: z.int().min(1).max(4),
  title: nonEmpty,
  weight: z.int().min(1).max(100),
  taskStatements: z.array(taskStatementSchema).min(1),
});

/** A topic the current exam guide (v2.1) added; questions and lessons carry its id in `examGuide`. */
export const guideAdditionSchema = z.strictObject({
  id,
  title: nonEmpty,
  /** False for content the real exam only asks as unscored items (Amazon Q Developer): kept out of mocks. */
  scored: z.boolean().default(true),
});

export const blueprintSchema = z.strictObject({
  exam: z.strictObject({
    code: nonEmpty,
    title: nonEmpty,
    questionCount: z.int().positive(),
    scoredQuestions: z.int().positive(),
    unscoredQuestions: z.int().nonnegative(),
    minutes: z.int().positive(),
    scaledScore: z.strictObject({
      min: z.int(),
      max: z.int(),
      passing: z.int(),
    }),
    questionTypes: z.array(z.strictObject({ type: z.enum(["single", "multiple"]), description: nonEmpty })),
    scoring: nonEmpty,
    guideVersion: nonEmpty.optional(),
    guideAdditions: z.array(guideAdditionSchema).default([]),
  }),
  domains: z.array(domainSchema).length(4),
});

export const lessonFrontmatterSchema = z.strictObject({
  id,
  title: nonEmpty,
  domain: z.int().min(1).max(4),
  taskStatement: taskStatementCode,
  topics: z.array(id).min(1),
  order: z.int().positive(),
  readingMinutes: z.int().min(1).max(60),
  objectives: z.array(nonEmpty).min(1),
  related: z.array(id).default([]),
  /** Exam guide v2.1 additions this lesson teaches (ids from blueprint exam.guideAdditions). */
  examGuide: z.array(id).default([]),
});

const choiceKey = z.enum(["a", "b", "c", "d", "e", "f"]);

/**
 * An AWS documentation page that supports the key. Only AWS's own sites, over
 * https, no query string; every address must also be listed (as checked) in
 * content/dva-c02/references/ (one YAML file per author).
 */
export const awsDocUrl = z
  .string()
  .regex(
    /^https:\/\/(docs\.aws\.amazon\.com|aws\.amazon\.com)\/[A-Za-z0-9._~\/-]+(#[A-Za-z0-9._-]+)?$/,
    "must be an https://docs.aws.amazon.com/ or https://aws.amazon.com/ page address (no query string)",
  );

const itemBase = {
  id: z.string().regex(/^[qp]-[a-z0-9-]+-\d{3}$/, "must look like q-<topic>-001 or p-<topic>-001"),
  taskStatement: taskStatementCode,
  topic: id,
  lesson: id,
  difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  stem: nonEmpty,
  /** AWS documentation pages that support the key (shown on results and review). */
  references: z.array(awsDocUrl).default([]),
  /** Exam guide v2.1 additions this item tests (ids from blueprint exam.guideAdditions). */
  examGuide: z.array(id).default([]),
};

/** `final`: held back for the final mock only; never in lessons, quizzes, drills or reviews. */
export const questionPoolSchema = z.enum(["main", "final"]).default("main");

export const choiceSchema = z.strictObject({
  key: choiceKey,
  text: nonEmpty,
  correct: z.boolean(),
  explanation: nonEmpty,
});

export const singleQuestionSchema = z.strictObject({
  ...itemBase,
  pool: questionPoolSchema,
  type: z.literal("single"),
  choices: z.array(choiceSchema),
});

export const multipleQuestionSchema = z.strictObject({
  ...itemBase,
  pool: questionPoolSchema,
  type: z.literal("multiple"),
  choices: z.array(choiceSchema),
});

export const orderingItemSchema = z.strictObject({
  ...itemBase,
  type: z.literal("ordering"),
  items: z.array(z.strictObject({ key: choiceKey.or(z.enum(["g", "h", "i", "j"])), text: nonEmpty })).min(3).max(10),
  explanation: nonEmpty,
});

export const matchingItemSchema = z.strictObject({
  ...itemBase,
  type: z.literal("matching"),
  pairs: z.array(z.strictObject({ key: choiceKey, prompt: nonEmpty, answer: nonEmpty })).min(3).max(6),
  explanation: nonEmpty,
});

export const numericItemSchema = z.strictObject({
  ...itemBase,
  type: z.literal("numeric"),
  answer: z.number().finite(),
  tolerance: z.number().nonnegative().default(0),
  unit: z.string().trim().default(""),
  explanation: nonEmpty,
});

export const contentItemSchema = z.discriminatedUnion("type", [
  singleQuestionSchema,
  multipleQuestionSchema,
  orderingItemSchema,
  matchingItemSchema,
  numericItemSchema,
]);

export const questionFileSchema = z.array(contentItemSchema);

/** content/dva-c02/references/*.yaml: every AWS page a question cites, as checked by a person. */
export const referenceRegistrySchema = z.array(
  z.strictObject({
    url: awsDocUrl,
    /** The page's title as seen when it was checked. */
    title: nonEmpty,
  }),
);
export type ReferenceRegistry = z.infer<typeof referenceRegistrySchema>;

export type Blueprint = z.infer<typeof blueprintSchema>;
export type BlueprintDomain = z.infer<typeof domainSchema>;
export type BlueprintTaskStatement = z.infer<typeof taskStatementSchema>;
export type LessonFrontmatter = z.infer<typeof lessonFrontmatterSchema>;
export type Choice = z.infer<typeof choiceSchema>;
export type ContentItem = z.infer<typeof contentItemSchema>;
export type ExamQuestion = z.infer<typeof singleQuestionSchema> | z.infer<typeof multipleQuestionSchema>;
export type PracticeItem =
  | z.infer<typeof orderingItemSchema>
  | z.infer<typeof matchingItemSchema>
  | z.infer<typeof numericItemSchema>;

export const EXAM_QUESTION_TYPES = ["single", "multiple"] as const;
export function isExamQuestion(item: ContentItem): item is ExamQuestion {
  return item.type === "single" || item.type === "multiple";
}
