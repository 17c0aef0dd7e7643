// The demo instructor's class, so a new user signing in as the instructor sees
// a living class: six students (the demo student among them) who have sat a
// full mock (submitted, one with ×1.5 time, one missed), one in the middle of
// an untimed practice set, and a mock that opens later. Built through the same
// operations the app uses (start, grade), with times relative to the seeding
// moment. Created once; a later start leaves it alone.
import "server-only";
import { hashPassword } from "@/lib/auth/password";
import { startAssignment } from "@/lib/classes/start-assignment";
import { gradeAttemptNow } from "@/lib/exams/grade-attempt";
import type { ExamSettings } from "@/lib/exams/settings";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { type Plan, responsesFor } from "./scripted-responses";

export const DEMO_CLASS_ID = "demo-class";
export const DEMO_JOIN_CODE = "STRATUS2";

const DAY = 86_400_000;
const MINUTE = 60_000;

const STUDENTS = [
  { id: "demo-student", name: "Sam Student", email: "student@stratus.dev", accuracy: 0.62 },
  { id: "demo-class-priya", name: "Priya Patel", email: "priya@students.stratus.dev", accuracy: 0.84 },
  { id: "demo-class-lucas", name: "Lucas Moreau", email: "lucas@students.stratus.dev", accuracy: 0.71 },
  { id: "demo-class-mei", name: "Mei Chen", email: "mei@students.stratus.dev", accuracy: 0.78 },
  { id: "demo-class-tomas", name: "Tomás García", email: "tomas@students.stratus.dev", accuracy: 0.5 },
  { id: "demo-class-aisha", name: "Aisha Bello", email: "aisha@students.stratus.dev", accuracy: 0.55 },
] as const;

/** The class's other students sign in with the demo student's password (README). */
export const DEMO_CLASSMATE_PASSWORD = "stratus-student-1";

/** A deterministic right/wrong pattern with the given accuracy, over the first `answered` questions. */
const planFor =
  (accuracy: number, answered = Number.POSITIVE_INFINITY) =>
  (i: number): Plan | "skip" =>
    i >= answered ? "skip" : ((i * 37) % 100) / 100 < accuracy ? "right" : "wrong";

async function answer(db: PrismaClient, attemptId: string, plan: (i: number) => Plan | "skip", timeSpentMs: number): Promise<void> {
  const saves = await responsesFor(db, attemptId, (i) => (plan(i) === "skip" ? "right" : (plan(i) as Plan)), { timeSpentMs });
  for (const [i, save] of saves.entries()) {
    if (plan(i) === "skip") continue;
    await db.attemptItem.update({
      where: { attemptId_position: { attemptId, position: save.position } },
      data: { chosenKeys: save.chosenKeys, timeSpentMs: save.timeSpentMs, saveSeq: BigInt(save.seq) },
    });
  }
}

export async function seedDemoClass(db: PrismaClient, options: { now: Date; settings: ExamSettings }): Promise<{ created: boolean }> {
  if (await db.class.findUnique({ where: { id: DEMO_CLASS_ID }, select: { id: true } })) return { created: false };
  const instructor = await db.user.findUnique({ where: { id: "demo-instructor" }, select: { id: true } });
  if (!instructor) return { created: false };
  const now = options.now.getTime();
  const at = (ms: number) => new Date(now + ms);

  const passwordHash = await hashPassword(DEMO_CLASSMATE_PASSWORD);
  for (const s of STUDENTS) {
    const exists = await db.user.findFirst({ where: { OR: [{ id: s.id }, { email: s.email }] }, select: { id: true } });
    if (!exists) await db.user.create({ data: { id: s.id, name: s.name, email: s.email, role: "STUDENT", passwordHash } });
  }
  await db.class.create({
    data: {
      id: DEMO_CLASS_ID,
      instructorId: instructor.id,
      name: "DVA-C02 evening cohort",
      description: "Tuesdays and Thursdays, 18:00. Mock exams are due on Fridays at 17:00.",
      joinCode: DEMO_JOIN_CODE,
      createdAt: at(-21 * DAY),
      enrollments: { create: STUDENTS.map((s, i) => ({ userId: s.id, joinedAt: at(-20 * DAY + i * 3_600_000) })) },
      accommodations: { create: [{ userId: "demo-class-lucas", timeMultiplier: 1.5, note: "Extended time (documented)" }] },
      assignments: {
        create: [
          {
            id: "demo-assignment-mock-1",
            examId: "dva-c02",
            title: "Mock exam 1",
            config: { kind: "mock" },
            questionCount: 65,
            timeLimitMinutes: 130,
            opensAt: at(-10 * DAY),
            dueAt: at(-3 * DAY),
            reviewContent: "FULL",
            reviewTiming: "AFTER_DUE",
            createdAt: at(-11 * DAY),
          },
          {
            id: "demo-assignment-security",
            examId: "dva-c02",
            title: "Security practice set",
            config: { kind: "scoped", domains: [2], taskStatements: [], topics: [] },
            questionCount: 20,
            timeLimitMinutes: null,
            opensAt: at(-2 * DAY),
            dueAt: at(5 * DAY),
            attemptsAllowed: 2,
            reviewContent: "FULL",
            reviewTiming: "IMMEDIATELY",
            createdAt: at(-2 * DAY),
          },
          {
            id: "demo-assignment-mock-2",
            examId: "dva-c02",
            title: "Mock exam 2",
            config: { kind: "mock" },
            questionCount: 65,
            timeLimitMinutes: 130,
            opensAt: at(2 * DAY),
            dueAt: at(9 * DAY),
            reviewContent: "SCORE_AND_DOMAINS",
            reviewTiming: "AFTER_DUE",
            createdAt: at(-1 * DAY),
          },
        ],
      },
    },
  });

  try {
    await sitAssignments(db, at, options.settings);
  } catch (error) {
    // All or nothing: a half-made demo class would otherwise stay half-made (a later start sees it exists).
    await db.attempt.deleteMany({ where: { assignment: { classId: DEMO_CLASS_ID } } });
    await db.class.delete({ where: { id: DEMO_CLASS_ID } });
    throw error;
  }
  return { created: true };
}

async function sitAssignments(db: PrismaClient, at: (ms: number) => Date, settings: ExamSettings): Promise<void> {
  // Mock exam 1: five submitted (Lucas with his ×1.5 time), Tomás missed it.
  for (const [i, s] of STUDENTS.entries()) {
    if (s.id === "demo-class-tomas") continue;
    const start = at(-5 * DAY + i * 3 * 3_600_000);
    const minutes = s.id === "demo-class-lucas" ? 170 : 95 + i * 6;
    const { attemptId } = await startAssignment(db, { id: s.id, role: "STUDENT" }, { assignmentId: "demo-assignment-mock-1", now: start, settings });
    await answer(db, attemptId, planFor(s.accuracy, s.id === "demo-class-aisha" ? 55 : undefined), Math.round((minutes * MINUTE) / 65));
    await gradeAttemptNow(db, { attemptId, now: new Date(start.getTime() + minutes * MINUTE), expired: false });
  }
  // Security practice set: Mei submitted, Priya is in the middle of it.
  const mei = await startAssignment(db, { id: "demo-class-mei", role: "STUDENT" }, { assignmentId: "demo-assignment-security", now: at(-DAY), settings });
  await answer(db, mei.attemptId, planFor(0.8), 70_000);
  await gradeAttemptNow(db, { attemptId: mei.attemptId, now: at(-DAY + 25 * MINUTE), expired: false });
  const priya = await startAssignment(db, { id: "demo-class-priya", role: "STUDENT" }, { assignmentId: "demo-assignment-security", now: at(-20 * MINUTE), settings });
  await answer(db, priya.attemptId, planFor(0.85, 8), 60_000);
}
