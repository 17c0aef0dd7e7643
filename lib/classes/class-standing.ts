// How each student of a class stands, who is at risk, and where the class as a
// whole is weak. Pure: the class dashboard (class-dashboard.ts) feeds it rows.
import { MIN_EVIDENCE, type MasteryState, masteryLevel } from "@/lib/learning/mastery";
import type { Readiness } from "@/lib/learning/readiness";

/** A student is at risk below this chance of passing, or after this many days without activity. */
export const AT_RISK = { passProbability: 0.5, inactiveDays: 7 } as const;

const DAY_MS = 86_400_000;

export type BlueprintDomain = { number: number; title: string; weight: number; taskStatements: ReadonlyArray<{ code: string; title: string }> };

export type Risk = { atRisk: boolean; reasons: string[] };

/** At risk: a prediction under AT_RISK.passProbability, or no activity for AT_RISK.inactiveDays (counted from joining when never active). */
export function riskOf(student: { readiness: Readiness; lastActivity: Date | null; joinedAt: Date }, now: Date): Risk {
  const reasons: string[] = [];
  if (student.readiness.ready && student.readiness.passProbability < AT_RISK.passProbability) {
    reasons.push(`${Math.round(student.readiness.passProbability * 100)}% chance of passing`);
  }
  const since = student.lastActivity ?? student.joinedAt;
  const idleDays = Math.floor((now.getTime() - since.getTime()) / DAY_MS);
  if (idleDays >= AT_RISK.inactiveDays) reasons.push(student.lastActivity ? `inactive for ${idleDays} days` : `no activity in ${idleDays} days since joining`);
  return { atRisk: reasons.length > 0, reasons };
}

/**
 * A domain's mastery for one student: the mean mastery of its task statements
 * that have answers (null when none has). The dashboard's cells show the same
 * per task statement.
 */
export function domainMastery(domains: readonly BlueprintDomain[], mastery: ReadonlyMap<string, MasteryState>): Array<{ domain: number; mastery: number | null }> {
  return domains.map((d) => {
    const levels = d.taskStatements.flatMap((t) => {
      const m = mastery.get(t.code);
      return m && m.evidence > 0 ? [masteryLevel(m)] : [];
    });
    return { domain: d.number, mastery: levels.length ? levels.reduce((a, b) => a + b, 0) / levels.length : null };
  });
}

export type WeakTaskStatement = {
  code: string;
  title: string;
  domain: number;
  /** Share of the exam (0–1): the domain's weight split evenly over its task statements. */
  blueprintWeight: number;
  /** Mean mastery of the students with enough answers on it. */
  classMastery: number;
  /** Students whose mastery counted (at least MIN_EVIDENCE answers). */
  students: number;
  /** blueprintWeight × (1 − classMastery). */
  priority: number;
};

/**
 * The class's weakest task statements, ranked by blueprint weight × lack of
 * mastery (the exam points the class is likely to leave there), among task
 * statements where at least one student has MIN_EVIDENCE answers.
 */
export function weakestTaskStatements(
  domains: readonly BlueprintDomain[],
  students: ReadonlyArray<ReadonlyMap<string, MasteryState>>,
  limit = 5,
): WeakTaskStatement[] {
  return domains
    .flatMap((d) =>
      d.taskStatements.flatMap((t) => {
        const levels = students.flatMap((s) => {
          const m = s.get(t.code);
          return m && m.evidence >= MIN_EVIDENCE ? [masteryLevel(m)] : [];
        });
        if (!levels.length) return [];
        const blueprintWeight = d.weight / 100 / d.taskStatements.length;
        const classMastery = levels.reduce((a, b) => a + b, 0) / levels.length;
        return [{ code: t.code, title: t.title, domain: d.number, blueprintWeight, classMastery, students: levels.length, priority: blueprintWeight * (1 - classMastery) }];
      }),
    )
    .sort((a, b) => b.priority - a.priority || a.classMastery - b.classMastery || a.code.localeCompare(b.code))
    .slice(0, limit);
}

export const STANDING_SORTS = ["name", "score", "pass", "activity", "assignments", "risk"] as const;
export type StandingSort = (typeof STANDING_SORTS)[number];

export type SortableStanding = {
  name: string;
  readiness: Readiness;
  lastActivity: Date | null;
  assignments: { done: number; total: number; meanScaled: number | null };
  risk: Risk;
};

const predicted = (r: Readiness) => (r.ready ? r.predictedScore : null);
const passChance = (r: Readiness) => (r.ready ? r.passProbability : null);

/** Nulls (no prediction yet, never active) sort last whichever the direction. */
function compareNullable(a: number | null, b: number | null, dir: 1 | -1): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return (a - b) * dir;
}

/** Sorts and filters the class's rows (a copy). `query` matches name or email, case-insensitively. */
export function arrangeStandings<T extends SortableStanding & { email: string }>(
  rows: readonly T[],
  options: { sort: StandingSort; dir: "asc" | "desc"; atRiskOnly: boolean; query: string },
): T[] {
  const dir = options.dir === "asc" ? 1 : -1;
  const q = options.query.trim().toLowerCase();
  const byName = (a: T, b: T) => a.name.localeCompare(b.name);
  const key: Record<StandingSort, (a: T, b: T) => number> = {
    name: (a, b) => byName(a, b) * dir,
    score: (a, b) => compareNullable(predicted(a.readiness), predicted(b.readiness), dir),
    pass: (a, b) => compareNullable(passChance(a.readiness), passChance(b.readiness), dir),
    activity: (a, b) => compareNullable(a.lastActivity?.getTime() ?? null, b.lastActivity?.getTime() ?? null, dir),
    assignments: (a, b) => (a.assignments.done - b.assignments.done) * dir || compareNullable(a.assignments.meanScaled, b.assignments.meanScaled, dir),
    risk: (a, b) => (Number(a.risk.atRisk) - Number(b.risk.atRisk)) * dir || a.risk.reasons.length * dir - b.risk.reasons.length * dir,
  };
  return rows
    .filter((r) => (!options.atRiskOnly || r.risk.atRisk) && (!q || r.name.toLowerCase().includes(q) || r.email.toLowerCase().includes(q)))
    .sort((a, b) => key[options.sort](a, b) || byName(a, b));
}
