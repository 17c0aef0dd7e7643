// A class's dashboard: every student's predicted score and chance of passing,
// mastery per domain and task statement, assignments done, last activity and an
// at-risk mark, plus the class's weakest task statements. Only for the class's
// manager (class-access.ts). Every query reads by the class, its students or
// its assignments through an index; none scans the attempt items.
// docs/benchmarks.md has the plans.
import "server-only";
import type { SessionUser } from "@/lib/auth/guard";
import type { Db } from "@/lib/db";
import { catalogue } from "@/lib/learning/dashboard";
import { type MasteryState, masteryLevel } from "@/lib/learning/mastery";
import type { Readiness } from "@/lib/learning/readiness";
import { readinessOfStudents } from "@/lib/learning/readiness-snapshots";
import { managedClass } from "./class-access";
import { type BlueprintDomain, type Risk, type WeakTaskStatement, domainMastery, riskOf, weakestTaskStatements } from "./class-standing";

export type StudentStanding = {
  userId: string;
  name: string;
  email: string;
  joinedAt: Date;
  readiness: Readiness;
  domains: Array<{ domain: number; mastery: number | null }>;
  /** Mastery level (0–1) and answers per task statement code; absent: no answers. */
  taskStatements: Record<string, { mastery: number; evidence: number }>;
  assignments: { done: number; total: number; meanScaled: number | null };
  lastActivity: Date | null;
  risk: Risk;
};

export type ClassDashboard = {
  classId: string;
  name: string;
  archived: boolean;
  domains: BlueprintDomain[];
  students: StudentStanding[];
  weakest: WeakTaskStatement[];
  assignments: number;
};

type StudentRow = {
  userId: string;
  name: string;
  email: string;
  joinedAt: Date;
  mastery: Array<{ code: string; rating: number; variance: number; evidence: number; correct: number }>;
  finalMocks: Array<{ correct: number; questions: number }>;
  lastActivity: Date | null;
  stamp: string | null;
  readiness: unknown;
};

// One row per student, every part read by the student's id through an index
// (LIMIT 1 keeps the planner from hashing the whole User and snapshot tables).
// GREATEST of a timestamp and a date: timestamp(3) without zone, stored as UTC.
const studentRows = (db: Db, classId: string) => db.$queryRaw<StudentRow[]>`
  SELECT u.id AS "userId", u.name, u.email, e."joinedAt",
    (SELECT coalesce(json_agg(json_build_object('code', m."scopeId", 'rating', m.rating, 'variance', m.variance,
                                                'evidence', m.evidence, 'correct', m.correct)), '[]')
       FROM "Mastery" m WHERE m."userId" = e."userId" AND m.scope = 'TASK_STATEMENT') AS mastery,
    (SELECT coalesce(json_agg(json_build_object('correct', a."rawScore", 'questions', a."questionCount")), '[]')
       FROM "Attempt" a WHERE a."userId" = e."userId" AND a.mode = 'FINAL_MOCK' AND a.status IN ('SUBMITTED', 'EXPIRED')
         AND a."rawScore" IS NOT NULL) AS "finalMocks",
    -- The latest start (an index read) and the latest study day (grading and reviews write one).
    GREATEST((SELECT max(a."startedAt") FROM "Attempt" a WHERE a."userId" = e."userId"),
             (SELECT max(d.day)::timestamp FROM "DailyActivity" d WHERE d."userId" = e."userId")) AS "lastActivity",
    s.stamp, s.readiness
  FROM "Enrollment" e
  CROSS JOIN LATERAL (SELECT id, name, email FROM "User" WHERE id = e."userId" LIMIT 1) u
  LEFT JOIN LATERAL (SELECT stamp, readiness FROM "ReadinessSnapshot" WHERE "userId" = e."userId" LIMIT 1) s ON true
  WHERE e."classId" = ${classId}
  ORDER BY u.name`;

const toState = (m: StudentRow["mastery"][number]): MasteryState => ({ rating: m.rating, variance: m.variance, evidence: m.evidence, correct: m.correct });

/** Throws NOT_FOUND unless the caller manages the class. */
export async function loadClassDashboard(db: Db, caller: Pick<SessionUser, "id" | "role">, classId: string, now: Date): Promise<ClassDashboard> {
  const found = await managedClass(db, caller, classId);
  const [{ domains }, rows, assignments] = await Promise.all([
    catalogue(db, now.getTime()),
    studentRows(db, classId),
    db.assignment.findMany({
      where: { classId },
      select: { id: true, attempts: { where: { status: { in: ["SUBMITTED", "EXPIRED"] } }, select: { userId: true, scaledScore: true } } },
    }),
  ]);
  const mastery = new Map(rows.map((r) => [r.userId, new Map(r.mastery.map((m) => [m.code, toState(m)]))]));
  const readiness = await readinessOfStudents(
    db,
    domains,
    rows.map((r) => ({
      userId: r.userId,
      mastery: mastery.get(r.userId)!,
      finalMocks: r.finalMocks,
      snapshot: r.stamp === null ? null : { stamp: r.stamp, readiness: r.readiness },
    })),
  );
  // Each student's best scaled score per assignment they have a graded attempt on.
  const best = new Map<string, Map<string, number>>();
  for (const a of assignments) {
    for (const t of a.attempts) {
      const mine = best.get(t.userId) ?? best.set(t.userId, new Map()).get(t.userId)!;
      mine.set(a.id, Math.max(mine.get(a.id) ?? 0, t.scaledScore ?? 0));
    }
  }
  const students = rows.map((r): StudentStanding => {
    const states = mastery.get(r.userId)!;
    const scores = [...(best.get(r.userId)?.values() ?? [])];
    const lastActivity = r.lastActivity === null ? null : new Date(r.lastActivity);
    const standing = {
      userId: r.userId,
      name: r.name,
      email: r.email,
      joinedAt: r.joinedAt,
      readiness: readiness.get(r.userId)!,
      domains: domainMastery(domains, states),
      taskStatements: Object.fromEntries(
        [...states].filter(([, m]) => m.evidence > 0).map(([code, m]) => [code, { mastery: masteryLevel(m), evidence: m.evidence }]),
      ),
      assignments: { done: scores.length, total: assignments.length, meanScaled: scores.length ? Math.round(scores.reduce((a, b) => a + b, 0) / scores.length) : null },
      lastActivity,
    };
    return { ...standing, risk: riskOf(standing, now) };
  });
  return {
    classId,
    name: found.name,
    archived: found.archivedAt !== null,
    domains,
    students,
    weakest: weakestTaskStatements(domains, [...mastery.values()]),
    assignments: assignments.length,
  };
}
