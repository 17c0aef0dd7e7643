// What the class and assignment forms may send, as zod schemas. Server only:
// client components import form-values.ts instead (zod's eval probe trips the CSP).
import "server-only";
import { z } from "zod";
import { isJoinCode, normaliseJoinCode } from "./join-code";
import { STANDING_SORTS } from "./class-standing";
import { isWallTime } from "./wall-time";

const id = z.string().trim().min(1).max(64).regex(/^[\w-]+$/, "not an id");
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const wallTime = z.string().trim().refine(isWallTime, "Enter a date and time.");
const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

export const classFieldsSchema = z.object({
  name: z.string().trim().min(1, "Give the class a name.").max(80, "At most 80 characters."),
  description: z.string().trim().max(500, "At most 500 characters.").default(""),
});
export const updateClassSchema = classFieldsSchema.extend({ classId: id });
export const classIdSchema = z.object({ classId: id });
export const archiveClassSchema = z.object({ classId: id, archived: z.enum(["true", "false"]).transform((v) => v === "true") });
export const joinClassSchema = z.object({
  code: z
    .string()
    .transform(normaliseJoinCode)
    .refine(isJoinCode, "A join code has 8 letters and digits, like K7MX-42PQ."),
});
export const rosterStudentSchema = z.object({ classId: id, userId: id });

export const TIME_MULTIPLIERS = ["1", "1.25", "1.5", "2", "unlimited"] as const;
export const accommodationSchema = rosterStudentSchema.extend({
  timeMultiplier: z.enum(TIME_MULTIPLIERS).transform((v) => (v === "unlimited" ? null : Number(v))),
  extraAttempts: z.coerce.number().int().min(0).max(5),
  note: z.string().trim().max(200, "At most 200 characters.").default(""),
});

export const assignmentFieldsSchema = z
  .object({
    title: z.string().trim().min(1, "Give the assignment a title.").max(120, "At most 120 characters."),
    kind: z.enum(["mock", "scoped"]),
    domains: z.array(z.coerce.number().int().min(1).max(4)).max(4).default([]),
    taskStatements: z.array(z.string().regex(/^[1-4]\.[1-9]$/)).max(20).default([]),
    topics: z.array(z.string().regex(/^[a-z0-9-]{1,60}$/)).max(100).default([]),
    questionCount: z.preprocess(blankToUndefined, z.coerce.number().int().min(1, "At least 1.").max(65, "At most 65.").default(20)),
    opensAt: wallTime,
    dueAt: wallTime,
    timed: checkbox,
    timeLimitMinutes: z.preprocess(blankToUndefined, z.coerce.number().int().min(1, "At least 1 minute.").max(600, "At most 600 minutes.").optional()),
    attemptsAllowed: z.coerce.number().int().min(1, "At least 1.").max(10, "At most 10."),
    reviewContent: z.enum(["SCORE", "SCORE_AND_DOMAINS", "FULL"]),
    reviewTiming: z.enum(["IMMEDIATELY", "AFTER_DUE"]),
  })
  .superRefine((v, ctx) => {
    if (v.timed && v.timeLimitMinutes === undefined) ctx.addIssue({ code: "custom", path: ["timeLimitMinutes"], message: "Enter the time limit, or make it untimed." });
    if (v.kind === "scoped" && v.domains.length + v.taskStatements.length + v.topics.length === 0) {
      ctx.addIssue({ code: "custom", path: ["scope"], message: "Choose at least one domain, task statement or topic." });
    }
  });
export const ASSIGNMENT_LISTS = ["domains", "taskStatements", "topics"] as const;
export const createAssignmentSchema = assignmentFieldsSchema.and(z.object({ classId: id }));
export const updateAssignmentSchema = assignmentFieldsSchema.and(z.object({ assignmentId: id }));
export const assignmentIdSchema = z.object({ assignmentId: id });

export const overrideSchema = z.object({
  assignmentId: id,
  userId: id,
  dueAt: z.preprocess(blankToUndefined, wallTime.optional()),
  timeLimit: z.preprocess(blankToUndefined, z.union([z.literal("untimed"), z.coerce.number().int().min(1).max(600)]).optional()),
  attemptsAllowed: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(20).optional()),
});

/** The class dashboard's sort and filter, from its URL (anything unknown falls back to the default view). */
export const standingViewSchema = z.object({
  sort: z.enum(STANDING_SORTS).catch("risk"),
  dir: z.enum(["asc", "desc"]).catch("desc"),
  risk: z.preprocess((v) => v === "1", z.boolean()).catch(false),
  q: z.preprocess((v) => (typeof v === "string" ? v.slice(0, 100) : ""), z.string()).catch(""),
  page: z.coerce.number().int().min(1).max(1000).catch(1),
});
export type StandingView = z.infer<typeof standingViewSchema>;

/** The new-assignment form's optional pre-fill: a drill on one task statement (from the class dashboard). */
export const drillPrefillSchema = z.object({ taskStatement: z.string().regex(/^\d\.\d$/).optional().catch(undefined) });
