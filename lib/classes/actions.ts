"use server";
// The class and assignment forms' server actions. Each is a public endpoint:
// defineFormAction checks the session and the role and validates the input
// with zod before anything runs; the operation it calls checks the caller's
// right to that class or assignment (a foreign id is NOT_FOUND).
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { redirect } from "next/navigation";
import { defineFormAction } from "@/lib/auth/define-action";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { examSettings } from "@/lib/exams/settings";
import { type AssignmentFields, createAssignment, deleteAssignment, setOverride, updateAssignment } from "./assignments";
import { createClass, joinClass, leaveClass, removeStudent, rotateJoinCode, setAccommodation, setClassArchived, updateClass } from "./classes";
import {
  ASSIGNMENT_LISTS,
  accommodationSchema,
  archiveClassSchema,
  assignmentFieldsSchema,
  assignmentIdSchema,
  classFieldsSchema,
  classIdSchema,
  createAssignmentSchema,
  joinClassSchema,
  overrideSchema,
  rosterStudentSchema,
  updateAssignmentSchema,
  updateClassSchema,
} from "./inputs";
import { startAssignment } from "./start-assignment";
import { wallTimeToInstant } from "./wall-time";

const staff = { session: "user" as const, roles: STAFF_ROLES };

/** Times in forms are the caller's wall-clock times in their own zone. */
async function zoneOf(userId: string): Promise<string> {
  return (await db.user.findUniqueOrThrow({ where: { id: userId }, select: { timeZone: true } })).timeZone;
}

const refresh = () => revalidatePath("/", "layout");

export const createClassAction = defineFormAction({ ...staff, input: classFieldsSchema, keepValues: ["name", "description"] }, async ({ user, input }) => {
  const { classId } = await createClass(db, user!, input);
  refresh();
  redirect(`/classes/${classId}`);
});

export const updateClassAction = defineFormAction({ ...staff, input: updateClassSchema, keepValues: ["name", "description"] }, async ({ user, input }) => {
  await updateClass(db, user!, input.classId, { name: input.name, description: input.description });
  refresh();
  return { ok: true, message: "Saved." };
});

export const archiveClassAction = defineFormAction({ ...staff, input: archiveClassSchema }, async ({ user, input }) => {
  await setClassArchived(db, user!, input.classId, input.archived, new Date());
  refresh();
  return { ok: true, message: input.archived ? "Archived: no joins and no new assignments." : "Restored." };
});

export const rotateJoinCodeAction = defineFormAction({ ...staff, input: classIdSchema }, async ({ user, input }) => {
  const { joinCode } = await rotateJoinCode(db, user!, input.classId);
  refresh();
  return { ok: true, message: `New code ${joinCode}. The old code and link no longer work.` };
});

export const removeStudentAction = defineFormAction({ ...staff, input: rosterStudentSchema }, async ({ user, input }) => {
  await removeStudent(db, user!, input.classId, input.userId);
  refresh();
  return { ok: true, message: "Removed from the class. Their past work is kept." };
});

export const accommodationAction = defineFormAction({ ...staff, input: accommodationSchema }, async ({ user, input }) => {
  await setAccommodation(db, user!, input.classId, input.userId, { timeMultiplier: input.timeMultiplier, extraAttempts: input.extraAttempts, note: input.note });
  refresh();
  return { ok: true, message: "Accommodation saved. It applies to every assignment of this class." };
});

function assignmentFields(input: z.output<typeof assignmentFieldsSchema>, timeZone: string): AssignmentFields {
  return {
    title: input.title,
    scope: input.kind === "mock" ? { kind: "mock" } : { kind: "scoped", domains: input.domains, taskStatements: input.taskStatements, topics: input.topics },
    questionCount: input.questionCount,
    opensAt: wallTimeToInstant(input.opensAt, timeZone),
    dueAt: wallTimeToInstant(input.dueAt, timeZone),
    timeLimitMinutes: input.timed ? input.timeLimitMinutes! : null,
    attemptsAllowed: input.attemptsAllowed,
    reviewContent: input.reviewContent,
    reviewTiming: input.reviewTiming,
  };
}

const ASSIGNMENT_VALUES = ["title", "kind", "questionCount", "opensAt", "dueAt", "timed", "timeLimitMinutes", "attemptsAllowed", "reviewContent", "reviewTiming"];

export const createAssignmentAction = defineFormAction(
  { ...staff, input: createAssignmentSchema, lists: ASSIGNMENT_LISTS, keepValues: ASSIGNMENT_VALUES },
  async ({ user, input }) => {
    const { assignmentId } = await createAssignment(db, user!, input.classId, assignmentFields(input, await zoneOf(user!.id)));
    refresh();
    redirect(`/classes/${input.classId}/assignments/${assignmentId}`);
  },
);

export const updateAssignmentAction = defineFormAction(
  { ...staff, input: updateAssignmentSchema, lists: ASSIGNMENT_LISTS, keepValues: ASSIGNMENT_VALUES },
  async ({ user, input }) => {
    const { started } = await updateAssignment(db, user!, input.assignmentId, assignmentFields(input, await zoneOf(user!.id)));
    refresh();
    return {
      ok: true,
      message: started ? "Saved. Students who have started keep their questions; their due time, attempts and review policy follow the change." : "Saved.",
    };
  },
);

export const deleteAssignmentAction = defineFormAction({ ...staff, input: assignmentIdSchema.extend({ classId: classIdSchema.shape.classId }) }, async ({ user, input }) => {
  await deleteAssignment(db, user!, input.assignmentId);
  refresh();
  redirect(`/classes/${input.classId}`);
});

export const overrideAction = defineFormAction({ ...staff, input: overrideSchema }, async ({ user, input }) => {
  const zone = await zoneOf(user!.id);
  await setOverride(db, user!, input.assignmentId, input.userId, {
    dueAt: input.dueAt ? wallTimeToInstant(input.dueAt, zone) : null,
    timeLimitMinutes: typeof input.timeLimit === "number" ? input.timeLimit : null,
    untimed: input.timeLimit === "untimed",
    attemptsAllowed: input.attemptsAllowed ?? null,
  });
  refresh();
  return { ok: true, message: "Saved for this student." };
});

export const joinClassAction = defineFormAction({ session: "user", input: joinClassSchema, keepValues: ["code"] }, async ({ user, input }) => {
  const { classId } = await joinClass(db, user!, input.code, new Date());
  refresh();
  redirect(`/classes/${classId}`);
});

export const leaveClassAction = defineFormAction({ session: "user", input: classIdSchema }, async ({ user, input }) => {
  await leaveClass(db, user!, input.classId);
  refresh();
  redirect("/classes");
});

export const startAssignmentAction = defineFormAction({ session: "user", input: assignmentIdSchema }, async ({ user, input }) => {
  const { attemptId } = await startAssignment(db, user!, { assignmentId: input.assignmentId, now: new Date(), settings: examSettings() });
  redirect(`/attempts/${attemptId}`);
});
